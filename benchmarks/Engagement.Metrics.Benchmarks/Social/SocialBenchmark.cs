using BenchmarkDotNet.Attributes;
using Engagement.Metrics.Social;

namespace Engagement.Metrics.Benchmarks.Social;

/// <summary>
/// Social engagement over posts: the one-pass span calculator (validate, three denominators, weights, polls) against
/// the naive LINQ report that filters and sums once per metric.
/// </summary>
[MemoryDiagnoser]
public class SocialBenchmark
{
    private SocialPost[] _posts = [];

    [Params(1_000, 1_000_000)]
    public int Count { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20261124);
        string[] networks = ["instagram", "linkedin", "facebook", "tiktok"];
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        _posts = new SocialPost[Count];
        for (int i = 0; i < Count; i++)
        {
            long reach = random.Next(100, 50_000);
            long likes = random.Next(0, (int)(reach / 10) + 1);
            _posts[i] = new SocialPost(
                $"p{i}", networks[i % 4], start.AddMinutes(i), i % 5 == 0 ? null : reach, reach + random.Next(0, 20_000),
                random.Next(1_000, 200_000), likes, likes / 8, likes / 12)
            {
                Saves = i % 2 == 0 ? likes / 10 : null,
                PollVotes = i % 10 == 1 ? reach / 20 : null,
                PollReach = i % 10 == 1 ? reach : null,
            };
        }
    }

    [Benchmark(Baseline = true)]
    public double NaiveLinq()
    {
        if (_posts.Any(p => p.Likes < 0 || p.Comments < 0 || p.Shares < 0 || p.Reach > p.Impressions))
        {
            throw new InvalidOperationException("bad post");
        }

        static long Interactions(SocialPost p) => p.Likes + p.Comments + p.Shares + (p.Saves ?? 0);
        var withReach = _posts.Where(p => p.Reach.HasValue).ToList();
        var withImpressions = _posts.Where(p => p.Impressions.HasValue).ToList();
        var withFollowers = _posts.Where(p => p.Followers.HasValue).ToList();
        double byReach = (double)withReach.Sum(Interactions) / withReach.Sum(p => p.Reach!.Value);
        double byImpressions = (double)withImpressions.Sum(Interactions) / withImpressions.Sum(p => p.Impressions!.Value);
        double byFollowers = (double)withFollowers.Sum(Interactions) / withFollowers.Sum(p => p.Followers!.Value);
        double weighted = _posts.Sum(p => p.Likes + (2.0 * p.Comments) + (3.0 * p.Shares) + (2.0 * (p.Saves ?? 0)));
        double applause = _posts.Average(p => (double)p.Likes);
        double conversation = _posts.Average(p => (double)p.Comments);
        double amplification = (double)withFollowers.Sum(p => p.Shares) / withFollowers.Sum(p => p.Followers!.Value);
        var polls = _posts.Where(p => p.PollVotes.HasValue && (p.PollReach ?? p.Reach).HasValue).ToList();
        double poll = (double)polls.Sum(p => p.PollVotes!.Value) / polls.Sum(p => (p.PollReach ?? p.Reach)!.Value);
        return byReach + byImpressions + byFollowers + weighted + applause + conversation + amplification + poll;
    }

    [Benchmark]
    public double Span()
    {
        SocialResult r = SocialEngagement.Calculate(_posts);
        return r.ByReach.Rate!.Value + r.ByImpressions.Rate!.Value + r.ByFollowers.Rate!.Value + r.WeightedInteractions +
               r.ApplauseRate!.Value + r.ConversationRate!.Value + r.AmplificationRate!.Value + r.PollParticipation!.Value;
    }

    [Benchmark]
    public double Accumulator()
    {
        var accumulator = new SocialAccumulator();
        accumulator.AddRange(_posts);
        return accumulator.ToResult().ByReach.Rate!.Value;
    }
}
