using System.Text.Json;

namespace Engagement.Metrics.Cli.Tests;

public class SocialCommandTests
{
    private const string DocPosts = SocialSamples.DocPosts;

    [Fact]
    public void DocExample_ByReach()
    {
        CliRun run = CliRun.Of("social", "--input", CliRun.TempFile(DocPosts), "--format", "json");

        Assert.Equal(0, run.ExitCode);
        using JsonDocument doc = JsonDocument.Parse(run.Out);
        JsonElement root = doc.RootElement;
        Assert.Equal("reach", root.GetProperty("denominator").GetString());
        Assert.Equal(4, root.GetProperty("posts").GetInt32());
        Assert.Equal(3, root.GetProperty("postsWithDenominator").GetInt32());
        Assert.Equal(0.061395, root.GetProperty("engagementRate").GetDouble(), 6);
        Assert.Equal(351, root.GetProperty("weightedInteractions").GetDouble());
        Assert.Equal(0.075, root.GetProperty("pollParticipation").GetDouble());
    }

    [Fact]
    public void ByCampaign_ByImpressions_HasGroupsAndOverall()
    {
        CliRun run = CliRun.Of("social", "--input", CliRun.TempFile(DocPosts), "--by", "campaign", "--denominator", "impressions", "--format", "json");

        Assert.Equal(0, run.ExitCode);
        using JsonDocument doc = JsonDocument.Parse(run.Out);
        JsonElement groups = doc.RootElement.GetProperty("groups");
        Assert.Equal("launch", groups[0].GetProperty("key").GetString());
        Assert.Equal(58.0 / 2100, groups[0].GetProperty("engagementRate").GetDouble(), 12);
        Assert.Equal(220.0 / 4500, groups[1].GetProperty("engagementRate").GetDouble(), 12);
        Assert.Equal(278.0 / 6600, doc.RootElement.GetProperty("overall").GetProperty("engagementRate").GetDouble(), 12);
    }

    [Fact]
    public void ByPeriod_UsesPublishedAt()
    {
        CliRun run = CliRun.Of("social", "--input", CliRun.TempFile(DocPosts), "--period", "week", "--format", "json");

        Assert.Equal(0, run.ExitCode);
        using JsonDocument doc = JsonDocument.Parse(run.Out);
        Assert.Equal("2026-W10", doc.RootElement.GetProperty("groups")[0].GetProperty("key").GetString());
        Assert.Equal(3, doc.RootElement.GetProperty("groups")[0].GetProperty("posts").GetInt32());
    }

    [Theory]
    [InlineData("p9,x,,2026-03-02T09:00:00Z,500,400,10,1,1,1,,,", ":reach:", "Reach is 500 but Impressions is 400")]
    [InlineData("p9,x,,2026-03-02T09:00:00Z,5,10,10,-3,1,1,,,", ":likes:", "Likes is -3")]
    [InlineData("p9,x,,2026-03-02T09:00:00Z,5,10,10,1,1,1,,20,10", ":poll_votes:", "PollVotes is 20")]
    [InlineData("p9,x,,2026-03-02T09:00:00Z,5,10,10,many,1,1,,,", ":likes:", "'many' is not a whole number")]
    public void BadRow_Exits3_WithOneLineNamingFileRowColumnAndPost(string row, string column, string problem)
    {
        string file = CliRun.TempFile(DocPosts + "\n" + row + "\n");
        CliRun run = CliRun.Of("social", "--input", file);

        Assert.Equal(3, run.ExitCode);
        Assert.Contains(":6" + column, run.Error, StringComparison.Ordinal);
        Assert.Contains(problem, run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.Trim().Split('\n'));
    }

    [Fact]
    public void SkipInvalid_CountsTheBadRow()
    {
        string file = CliRun.TempFile(DocPosts + "\np9,x,,2026-03-02T09:00:00Z,500,400,10,1,1,1,,,\n");
        CliRun run = CliRun.Of("social", "--input", file, "--skip-invalid", "--format", "json");

        Assert.Equal(0, run.ExitCode);
        using JsonDocument doc = JsonDocument.Parse(run.Out);
        Assert.Equal(1, doc.RootElement.GetProperty("skippedRows").GetInt32());
        Assert.Equal(4, doc.RootElement.GetProperty("posts").GetInt32());
    }

    [Theory]
    [InlineData("1,2,3")]
    [InlineData("1,2,x,4")]
    [InlineData("1,-2,3,4")]
    public void BadWeights_Exit2(string weights)
    {
        CliRun run = CliRun.Of("social", "--input", CliRun.TempFile(DocPosts), "--weights", weights);
        Assert.Equal(2, run.ExitCode);
    }

    [Fact]
    public void Weights_AllOnes_GiveThePlainInteractions()
    {
        CliRun run = CliRun.Of("social", "--input", CliRun.TempFile(DocPosts), "--weights", "1,1,1,1", "--format", "json");
        using JsonDocument doc = JsonDocument.Parse(run.Out);
        Assert.Equal(278, doc.RootElement.GetProperty("weightedInteractions").GetDouble());
    }
}
