using System.Numerics;

namespace Engagement.Metrics.Conversations;

// A set of period numbers as a bitmap from the smallest word used: one bit per period, so a customer's activity over
// years of weeks costs a few dozen bytes. Used for distinct-customer counts per period after the period totals of a
// customer are dropped.
internal sealed class PeriodSet
{
    private int _firstWord;
    private ulong[] _words = [];

    public void Add(int number)
    {
        int word = number >> 6;
        if (_words.Length == 0)
        {
            _firstWord = word;
            _words = new ulong[1];
        }
        else if (word < _firstWord)
        {
            ulong[] grown = new ulong[_words.Length + (_firstWord - word)];
            _words.CopyTo(grown, _firstWord - word);
            (_words, _firstWord) = (grown, word);
        }
        else if (word - _firstWord >= _words.Length)
        {
            Array.Resize(ref _words, word - _firstWord + 1);
        }

        _words[word - _firstWord] |= 1UL << (number & 63);
    }

    public bool Contains(int number)
    {
        int i = (number >> 6) - _firstWord;
        return (uint)i < (uint)_words.Length && (_words[i] & (1UL << (number & 63))) != 0;
    }

    public IEnumerable<int> Numbers()
    {
        for (int i = 0; i < _words.Length; i++)
        {
            ulong bits = _words[i];
            while (bits != 0)
            {
                int bit = BitOperations.TrailingZeroCount(bits);
                yield return ((_firstWord + i) << 6) + bit;
                bits &= bits - 1;
            }
        }
    }

    public void UnionWith(PeriodSet other)
    {
        foreach (int number in other.Numbers())
        {
            Add(number);
        }
    }
}
