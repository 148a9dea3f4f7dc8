using System.Buffers;
using Engagement.Metrics.Sentiment;

namespace Engagement.Metrics.Triage;

/// <summary>
/// The case- and accent-folded copy of a message (<see cref="TextFolding"/>), in the caller's stack buffer when it fits,
/// otherwise in a pooled array returned by <see cref="Dispose"/>. Use with <c>using</c>.
/// </summary>
internal ref struct FoldedText
{
    public const int StackLimit = 512;
    private char[]? _rented;

    public FoldedText(ReadOnlySpan<char> text, Span<char> stack)
    {
        Span<char> buffer = text.Length <= stack.Length ? stack : (_rented = ArrayPool<char>.Shared.Rent(text.Length));
        buffer = buffer[..text.Length];
        TextFolding.Fold(text, buffer);
        Span = buffer;
    }

    public ReadOnlySpan<char> Span { get; }

    public void Dispose()
    {
        if (_rented is not null)
        {
            ArrayPool<char>.Shared.Return(_rented);
            _rented = null;
        }
    }
}
