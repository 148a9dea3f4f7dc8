using Engagement.Metrics.Sentiment;

namespace Engagement.Metrics.Triage;

/// <summary>
/// A 64-bit fingerprint of a message's normalised text, so that the same text sent many times (by one sender or by
/// many customers, as spam and templated notifications are) can be counted without keeping the texts.
/// </summary>
/// <remarks>
/// Normalisation: case and accents folded (<c>TextFolding</c>: "RESPUESTA Automática" = "respuesta automatica"), every
/// digit replaced by 0 (so "code 482913" and "code 558210" share a fingerprint), every run of characters that are not
/// letters or digits collapsed to one space, and leading/trailing spaces dropped. The hash is 64-bit FNV-1a over the
/// UTF-16 code units of the normalised text; distinct texts collide with probability about n²/2⁶⁵ for n distinct texts.
/// </remarks>
public static class TextFingerprint
{
    private const ulong OffsetBasis = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    /// <summary>The fingerprint of <paramref name="text"/> (see the remarks for the normalisation).</summary>
    /// <param name="text">The message text.</param>
    /// <returns>The fingerprint; every text without letters or digits has the fingerprint of the empty text.</returns>
    public static ulong Of(ReadOnlySpan<char> text)
    {
        ulong hash = OffsetBasis;
        bool pendingSpace = false;
        bool any = false;
        foreach (char raw in text)
        {
            char c = TextFolding.Fold(raw);
            if (char.IsDigit(c))
            {
                c = '0';
            }
            else if (!char.IsLetter(c))
            {
                pendingSpace = any;
                continue;
            }

            if (pendingSpace)
            {
                hash = (hash ^ ' ') * Prime;
                pendingSpace = false;
            }

            hash = (hash ^ c) * Prime;
            any = true;
        }

        return hash;
    }
}
