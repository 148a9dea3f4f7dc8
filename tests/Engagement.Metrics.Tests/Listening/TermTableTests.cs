using Engagement.Metrics.Listening;

namespace Engagement.Metrics.Tests.Listening;

public class TermTableTests
{
    [Fact]
    public void MessageStamps_Wrap_WithoutMistakingAnOldMentionForTheCurrentMessage()
    {
        // A slot remembers the 32-bit stamp of the last message that mentioned it. Mention the term in message 1,
        // run the stamps through a full wrap, then mention it again: it must count as a second mention.
        var table = new TermTable();
        ulong hash = TermHash.Of("refund");
        uint first = table.NextMessage();
        table.GetOrAdd("refund", hash, 1).LastMessage = first;

        uint stamp = first;
        for (long k = 0; k < uint.MaxValue; k++)
        {
            stamp = table.NextMessage();
        }

        Assert.Equal(first, stamp); // the stamp came round to message 1's value...
        Assert.NotEqual(stamp, table.GetOrAdd("refund", hash, 1).LastMessage); // ...but the slot no longer claims it
    }

    [Fact]
    public void TermText_IsKeptPerEntry_InFirstSeenOrder()
    {
        var table = new TermTable(capacity: 1);
        string[] terms = ["caida del servicio", "refund", "año", "wi-fi down"];
        foreach (string term in terms)
        {
            table.GetOrAdd(term.AsSpan(), TermHash.Of(term), term.Count(c => c == ' ') + 1).Count++;
        }

        Assert.Equal(terms.Length, table.Count);
        for (int i = 0; i < terms.Length; i++)
        {
            Assert.Equal(terms[i], table.TermAt(i).ToString());
            Assert.Equal(1, table.CountAt(i));
        }
    }
}
