using Engagement.Metrics.Sentiment;

namespace Engagement.Metrics.Triage;

/// <summary>
/// Phrase search over folded text (lower case, accents removed; <see cref="TextFolding"/>). A phrase starts at a word
/// boundary and ends at one, unless it ends in <c>*</c>, which makes it a prefix ("cancel*" matches "cancelled").
/// </summary>
internal static class PhraseMatcher
{
    /// <summary>Counts the phrases of <paramref name="phrases"/> that occur in <paramref name="folded"/> (each at most once).</summary>
    public static int CountDistinct(ReadOnlySpan<char> folded, IReadOnlyList<string> phrases, out string? first)
    {
        first = null;
        int count = 0;
        for (int p = 0; p < phrases.Count; p++)
        {
            if (Contains(folded, phrases[p]))
            {
                first ??= phrases[p];
                count++;
            }
        }

        return count;
    }

    public static bool Contains(ReadOnlySpan<char> folded, string phrase)
    {
        bool prefix = phrase.EndsWith('*');
        ReadOnlySpan<char> needle = prefix ? phrase.AsSpan(0, phrase.Length - 1) : phrase.AsSpan();
        if (needle.IsEmpty)
        {
            return false;
        }

        int offset = 0;
        while (offset <= folded.Length - needle.Length)
        {
            int at = folded[offset..].IndexOf(needle, StringComparison.Ordinal);
            if (at < 0)
            {
                return false;
            }

            int start = offset + at;
            int end = start + needle.Length;
            bool startOk = start == 0 || !IsWordChar(folded[start - 1]) || !IsWordChar(needle[0]);
            bool endOk = prefix || end == folded.Length || !IsWordChar(folded[end]) || !IsWordChar(needle[^1]);
            if (startOk && endOk)
            {
                return true;
            }

            offset = start + 1;
        }

        return false;
    }

    /// <summary>Whether a phrase is already folded (what the options require), so matching needs no folding of phrases.</summary>
    public static bool IsFolded(string phrase)
    {
        foreach (char c in phrase)
        {
            if (TextFolding.Fold(c) != c)
            {
                return false;
            }
        }

        return true;
    }

    public static bool IsWordChar(char c) => char.IsLetter(c) || c == '\'';
}
