using System.Numerics;
using System.Runtime.CompilerServices;

namespace Engagement.Metrics.Listening;

/// <summary>
/// The 64-bit hash of a folded term: FNV-1a over each word's UTF-16 code units, the words combined in order. The
/// tokenizer hashes each word while reading it and combines word hashes into n-gram hashes, so counting an n-gram
/// never re-reads its characters; <see cref="Of"/> computes the same value from a term's text ("caida del servicio").
/// </summary>
internal static class TermHash
{
    public const ulong Start = 14695981039346656037;
    private const ulong Prime = 1099511628211;
    private const ulong Mixer = 0x9E3779B97F4A7C15;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Step(ulong hash, char c) => (hash ^ c) * Prime;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Combine(ulong left, ulong right) => (BitOperations.RotateLeft(left, 23) ^ right) * Mixer;

    /// <summary>The hash of a term whose words are separated by single spaces.</summary>
    public static ulong Of(ReadOnlySpan<char> term)
    {
        ulong result = 0;
        ulong word = Start;
        bool first = true;
        foreach (char c in term)
        {
            if (c == ' ')
            {
                result = first ? word : Combine(result, word);
                first = false;
                word = Start;
            }
            else
            {
                word = Step(word, c);
            }
        }

        return first ? word : Combine(result, word);
    }
}
