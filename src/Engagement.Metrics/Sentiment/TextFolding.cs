using System.Runtime.CompilerServices;

namespace Engagement.Metrics.Sentiment;

/// <summary>
/// The one-to-one character folding used for every lexicon key and every message: lower case, Latin accents
/// removed (á→a, ü→u, ç→c) except ñ, typographic apostrophes to ', so matching is case- and accent-insensitive
/// ("TAMBIÉN" = "tambien") without changing the text's length or positions.
/// </summary>
internal static class TextFolding
{
    private static readonly char[] Latin1 = BuildLatin1();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static char Fold(char c)
    {
        if (c < 128)
        {
            return (uint)(c - 'A') <= 'Z' - 'A' ? (char)(c | 0x20) : c;
        }

        if (c < 256)
        {
            return Latin1[c - 128];
        }

        return c switch
        {
            '\u2019' or '\u2018' or '\u02BC' => '\'',
            _ => char.ToLowerInvariant(c),
        };
    }

    public static void Fold(ReadOnlySpan<char> source, Span<char> destination)
    {
        for (int i = 0; i < source.Length; i++)
        {
            destination[i] = Fold(source[i]);
        }
    }

    public static string Fold(string text)
    {
        return string.Create(text.Length, text, static (span, s) => Fold(s, span));
    }

    private static char[] BuildLatin1()
    {
        var table = new char[128];
        for (int i = 0; i < 128; i++)
        {
            char c = char.ToLowerInvariant((char)(128 + i));
            table[i] = c switch
            {
                'á' or 'à' or 'â' or 'ä' or 'ã' or 'å' => 'a',
                'é' or 'è' or 'ê' or 'ë' => 'e',
                'í' or 'ì' or 'î' or 'ï' => 'i',
                'ó' or 'ò' or 'ô' or 'ö' or 'õ' => 'o',
                'ú' or 'ù' or 'û' or 'ü' => 'u',
                'ç' => 'c',
                _ => c,
            };
        }

        return table;
    }
}
