using Engagement.Metrics.Listening;
using Engagement.Metrics.Statistics;
using Engagement.Metrics.Surveys;
using FsCheck.Xunit;

namespace Engagement.Metrics.Tests.Listening;

public class ShareOfVoiceTests
{
    internal static readonly ShareOfVoiceOptions Brands = new()
    {
        Brand = BrandDefinition.Of("Acme", "acmebank"),
        Competitors = [BrandDefinition.Of("Globex"), BrandDefinition.Of("Banco Sol", "bancosol")],
    };

    [Fact]
    public void Matching_IsWordBounded_CaseAndAccentInsensitive()
    {
        var acc = new ShareOfVoiceAccumulator(Brands);
        acc.Add("ACMÉ is down again");            // Acme (accent folded)
        acc.Add("@acme why no refund?");          // Acme (handle)
        acc.Add("acmecorp is a different firm");  // nobody: not at a word boundary
        acc.Add("Switched from AcmeBank to Globex"); // Acme via alias, Globex
        acc.Add("banco   sol has better rates");   // Banco Sol (white space runs match one space)
        acc.Add("no brand here");

        ShareOfVoiceResult r = acc.ToResult();
        Assert.Equal(6, r.Mentions);
        Assert.Equal(4, r.MentionsNamingABrand);
        Assert.Equal(2, r.Unattributed);
        Assert.Equal([3L, 1L, 1L], r.Brands.Select(b => b.Mentions));
        Assert.True(r.Brands[0].IsOwnBrand);
        Assert.False(r.Brands[1].IsOwnBrand);
        Assert.Equal(0.6, r.Brands[0].Share.Value!.Value, 12);
        Assert.Equal(ConfidenceIntervals.Wilson(3, 5, 0.95), r.Brands[0].Share.ConfidenceInterval);
    }

    [Fact]
    public void NoBrands_CountsVolumeOnly_AndSharesHaveNoValueWithoutBrandMentions()
    {
        var volume = new ShareOfVoiceAccumulator();
        volume.Add("anything");
        Assert.Equal(1, volume.ToResult().Mentions);
        Assert.Empty(volume.ToResult().Brands);

        var empty = new ShareOfVoiceAccumulator(Brands);
        Assert.All(empty.ToResult().Brands, b => Assert.Null(b.Share.Value));
    }

    [Fact]
    public void Options_RejectDuplicateAndEmptyNames()
    {
        var dup = Assert.Throws<ArgumentException>(() => new ShareOfVoiceOptions { Brand = BrandDefinition.Of("Acme"), Competitors = [BrandDefinition.Of("ACMÉ")] }.Validate());
        Assert.Contains("listed twice", dup.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new ShareOfVoiceOptions { Brand = BrandDefinition.Of("  ") }.Validate());
        Assert.Throws<ArgumentException>(() => new ShareOfVoiceOptions { Brand = BrandDefinition.Of("Acme", "!!") }.Validate());
        Assert.Throws<ArgumentException>(() => new ShareOfVoiceOptions { ConfidenceLevel = 1 }.Validate());
    }

    [Property]
    public bool MergeOfSplit_EqualsWhole_AndSegmentsMergeIntoOverall(int[] raw, int cut)
    {
        string[] texts = Texts(raw);
        int at = texts.Length == 0 ? 0 : Math.Abs(cut % (texts.Length + 1));
        var whole = new ShareOfVoiceAccumulator(Brands);
        var left = new ShareOfVoiceAccumulator(Brands);
        var right = new ShareOfVoiceAccumulator(Brands);
        var byChannel = new SegmentedAccumulator<string, ShareOfVoiceAccumulator>(new ShareOfVoiceAccumulator(Brands));
        for (int i = 0; i < texts.Length; i++)
        {
            whole.Add(texts[i]);
            (i < at ? left : right).Add(texts[i]);
            byChannel.Segment(i % 3 == 0 ? "twitter" : "news").Add(texts[i]);
        }

        left.Merge(right);
        ShareOfVoiceResult r = whole.ToResult();
        return left.ToResult() == r && byChannel.ToOverall().ToResult() == r
            && r.Brands.All(b => b.Share.ConfidenceInterval is not { } ci || ci.Contains(b.Share.Value!.Value));
    }

    private static string[] Texts(int[] raw)
    {
        string[] pieces = ["acme", "Globex", "banco sol", "nothing", "acmebank!", "GLÖBEX"];
        return raw.Select(v => pieces[(int)((uint)v % 6)] + " and " + pieces[(int)(((uint)v >> 8) % 6)]).ToArray();
    }
}
