using Engagement.Metrics.Sentiment;

namespace Engagement.Metrics.Triage;

/// <summary>
/// Phrase search over folded text (lower case, accents removed; <see cref="TextFolding"/>). A phrase starts at a word
/// boundary and ends at one, unless it ends in <c>*</c>, which makes it a prefix ("cancel*" matches "cancelled").
/// </summary>
internal static class PhraseMatcher
{
    /// <summary>
    /// Counts the phrases that occur in <paramref name="folded"/> (each at most once). A phrase whose character mask has a
    /// bit the text's mask lacks cannot occur, so it is skipped without a search; most phrases are, for short messages.
    /// </summary>
    public static int CountDistinct(ReadOnlySpan<char> folded, ulong textMask, CompiledPhrases phrases, out string? first)
    {
        first = null;
        int count = 0;
        string[] all = phrases.Phrases;
        ulong[] masks = phrases.Masks;
        for (int p = 0; p < all.Length; p++)
        {
            if ((masks[p] & ~textMask) == 0 && Contains(folded, all[p]))
            {
                first ??= all[p];
                count++;
            }
        }

        return count;
    }

    /// <summary>One bit per character class: a–z, 0–9, space, and the other characters hashed onto the remaining bits.</summary>
    public static ulong MaskOf(ReadOnlySpan<char> text)
    {
        ulong mask = 0;
        foreach (char c in text)
        {
            mask |= Bit(c);
        }

        return mask;
    }

    public static ulong Bit(char c) =>
        (uint)(c - 'a') <= 'z' - 'a' ? 1UL << (c - 'a')
        : (uint)(c - '0') <= 9 ? 1UL << (26 + c - '0')
        : c == ' ' ? 1UL << 36
        : 1UL << (37 + (c % 27));

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

/// <summary>A phrase list with each phrase's character mask (the trailing <c>*</c> of a prefix excluded).</summary>
internal sealed class CompiledPhrases
{
    public CompiledPhrases(IReadOnlyList<string> phrases)
    {
        Phrases = [.. phrases];
        Masks = new ulong[Phrases.Length];
        for (int i = 0; i < Phrases.Length; i++)
        {
            string p = Phrases[i];
            Masks[i] = PhraseMatcher.MaskOf(p.EndsWith('*') ? p.AsSpan(0, p.Length - 1) : p);
        }
    }

    public string[] Phrases { get; }

    public ulong[] Masks { get; }
}
