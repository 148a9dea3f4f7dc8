using System.Runtime.CompilerServices;
using Engagement.Metrics.Sentiment;

namespace Engagement.Metrics.Listening;

/// <summary>Text helpers shared by the listening calculators.</summary>
internal static class ListeningText
{
    /// <summary>Folds a phrase (a term or a brand name): folded characters, white-space runs to one space, trimmed.</summary>
    public static string FoldPhrase(string? phrase)
    {
        if (phrase is null)
        {
            return string.Empty;
        }

        var builder = new System.Text.StringBuilder(phrase.Length);
        foreach (string part in phrase.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            if (builder.Length > 0)
            {
                builder.Append(' ');
            }

            foreach (char c in part)
            {
                builder.Append(TextFolding.Fold(c));
            }
        }

        return builder.ToString();
    }

    /// <summary>Folds text into <paramref name="destination"/> with white-space runs collapsed to one space; returns the length.</summary>
    public static int FoldText(ReadOnlySpan<char> text, Span<char> destination)
    {
        int written = 0;
        bool space = false;
        foreach (char raw in text)
        {
            if (char.IsWhiteSpace(raw))
            {
                space = true;
                continue;
            }

            if (space && written > 0)
            {
                destination[written++] = ' ';
            }

            space = false;
            destination[written++] = TextFolding.Fold(raw);
        }

        return written;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsWordChar(char c) =>
        c < 128 ? (uint)(c - 'a') <= 'z' - 'a' || (uint)(c - 'A') <= 'Z' - 'A' || (uint)(c - '0') <= 9 : char.IsLetterOrDigit(c);

    /// <summary>Whether <paramref name="phrase"/> occurs in <paramref name="text"/> at word boundaries (both already folded).</summary>
    public static bool ContainsAtWordBoundary(ReadOnlySpan<char> text, ReadOnlySpan<char> phrase)
    {
        int offset = 0;
        while (offset <= text.Length - phrase.Length)
        {
            int found = text[offset..].IndexOf(phrase, StringComparison.Ordinal);
            if (found < 0)
            {
                return false;
            }

            int at = offset + found;
            int end = at + phrase.Length;
            if ((at == 0 || !IsWordChar(text[at - 1])) && (end == text.Length || !IsWordChar(text[end])))
            {
                return true;
            }

            offset = at + 1;
        }

        return false;
    }
}
