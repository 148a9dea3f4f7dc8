using System.Globalization;

namespace Engagement.Metrics.Cli.Sample;

/// <summary>
/// Writes the synthetic sample: one simulated customer population (<see cref="SimulatedCustomer"/>) expressed in
/// every input format the CLI reads. Each customer's events are drawn from its own seeded stream and written to all
/// files before the next customer, so memory stays per-customer whatever the population size; brand-level files
/// (social posts, mentions) come from one more stream. Output is byte-for-byte the same for the same seed and size.
/// </summary>
internal sealed class SampleGenerator
{
    /// <summary>Seed and size of the sample committed under <c>samples/generated/</c> and used by <c>report --sample</c>.</summary>
    public const int CommittedSeed = 42;

    /// <inheritdoc cref="CommittedSeed"/>
    public const int CommittedCustomers = 400;

    /// <summary>Gamma-Gamma spend truth (Fader, Hardie and Lee 2005b): spend per purchase ~ Gamma(p, rate nu), nu ~ Gamma(q, rate v).</summary>
    public const double SpendP = 5, SpendQ = 3.5, SpendV = 22;

    public static readonly string[] FileNames =
    [
        "customers.csv", "transactions.csv", "contacts.csv", "nps.csv", "csat.csv", "ces.csv", "messages.csv",
        "campaign_sends.csv", "reviews.csv", "social_posts.csv", "mentions.csv",
    ];

    private const string SurveyHeader = "response_id,customer_id,channel,region,responded_at,score,weight";
    private static readonly string[] ReviewSources = ["google", "trustpilot", "app_store"];
    private static readonly double[] ReviewSourceWeights = [0.5, 0.35, 0.15];

    private readonly int _customers;
    private readonly int _seed;

    public SampleGenerator(int customers, int seed)
    {
        _customers = customers;
        _seed = seed;
    }

    /// <summary>Writes every file into <paramref name="directory"/> (created if needed); reports each finished customer.</summary>
    public IReadOnlyDictionary<string, long> Write(string directory, Action<int>? progress = null)
    {
        Directory.CreateDirectory(directory);
        var master = new SampleRandom(_seed);
        int brandSeed = master.Seed();
        using var files = new Files(directory);
        var campaigns = Campaign.Calendar();
        for (int i = 0; i < _customers; i++)
        {
            var rng = new SampleRandom(master.Seed());
            var customer = new SimulatedCustomer(i, rng);
            WriteCustomer(customer, files);
            List<Contact> contacts = WriteContacts(customer, rng, files);
            WriteSurveys(customer, contacts, rng, files);
            WriteTransactions(customer, rng, files);
            WriteConversations(customer, rng, files);
            WriteSends(customer, campaigns, rng, files);
            WriteReview(customer, rng, files);
            if ((i + 1) % 256 == 0 || i + 1 == _customers)
            {
                progress?.Invoke(i + 1);
            }
        }

        var brand = new SampleRandom(brandSeed);
        WritePosts(brand, files);
        WriteMentions(brand, files);
        return files.RowCounts();
    }

    private static void WriteCustomer(SimulatedCustomer c, Files files) =>
        files.Customers.Text(c.Id).Date(c.Signup).Date(c.Churned ? c.ChurnAt : null).Text(c.Acquisition)
            .Money(c.MonthlyRevenue).Text(c.Region).Text(c.Language == 1 ? "es" : "en").EndRow();

    private sealed record Contact(DateTime At, string Channel, int Reason, bool Resolved, bool Answered, double WaitSeconds, bool Repeat);

    private static List<Contact> WriteContacts(SimulatedCustomer c, SampleRandom rng, Files files)
    {
        var contacts = new List<Contact>();
        DateTime t = c.Signup;
        Func<DateTime, double> shape = x => SampleCalendar.Yearly(x) * SampleCalendar.Weekly(x) * (1 + (2.5 * (1 - c.Engagement(x))));
        while (SampleCalendar.Next(t, c.ActiveUntil, 0.22 / 30, shape, 1.75 * 1.35 * 3.2, rng) is { } at)
        {
            t = at;
            double engagement = c.Engagement(at);
            int reason = Reason(rng, engagement, at);
            string channel = SimulatedCustomer.ContactChannels[rng.Weighted(c.ContactChannelWeights)];
            DateTime queued = SampleCalendar.AtPlausibleHour(at, rng);
            bool repeat = false;
            for (int attempt = 0; attempt < 3; attempt++)
            {
                Contact contact = WriteContact(c, files, rng, queued, channel, reason, engagement, repeat);
                contacts.Add(contact);
                if (contact.Resolved || !rng.Chance(0.55))
                {
                    break;
                }

                // An unresolved issue comes back within days, sometimes on another channel (FCR, switching).
                queued = queued.AddHours(channel == "ivr" ? rng.Uniform(0.02, 0.5) : rng.Exponential(48) + 1);
                if (queued >= c.ActiveUntil)
                {
                    break;
                }

                channel = channel == "ivr" ? "voice" : rng.Chance(0.35) ? SimulatedCustomer.ContactChannels[rng.Int(3)] : channel;
                repeat = true;
            }
        }

        return contacts;
    }

    private static Contact WriteContact(SimulatedCustomer c, Files files, SampleRandom rng, DateTime queued, string channel, int reason, double engagement, bool repeat)
    {
        string id = "K" + files.Contacts.Rows.ToString("D7", CultureInfo.InvariantCulture);
        DateTime? answered = null, ended = null, firstResponse = null, resolvedAt = null;
        double talk = 0, hold = 0, conference = 0, wrap = 0, wait = 0;
        bool abandoned = false, escalated = false, selfService = false;
        double busy = SampleCalendar.Weekly(queued) * SampleCalendar.Yearly(queued);
        bool resolved = rng.Chance((channel == "email" ? 0.7 : 0.8) * (0.75 + (0.25 * engagement)));
        switch (channel)
        {
            case "voice":
            case "chat":
                wait = Math.Round(rng.Exponential((channel == "voice" ? 40 : 25) * busy));
                double patience = rng.Exponential(channel == "voice" ? 160 : 240);
                if (wait > patience)
                {
                    abandoned = true;
                    resolved = false;
                    ended = queued.AddSeconds(Math.Round(patience) + 1);
                    break;
                }

                answered = queued.AddSeconds(wait);
                talk = Math.Round(rng.LogNormal(channel == "voice" ? 300 : 540, 0.45));
                hold = channel == "voice" && rng.Chance(0.3) ? Math.Round(rng.LogNormal(60, 0.6)) : 0;
                conference = rng.Chance(0.07) ? Math.Round(rng.LogNormal(120, 0.5)) : 0;
                wrap = Math.Round(rng.LogNormal(channel == "voice" ? 40 : 30, 0.4));
                ended = answered.Value.AddSeconds(talk + hold + conference);
                escalated = rng.Chance(0.07);
                break;
            case "email":
                wrap = Math.Round(rng.LogNormal(400, 0.4));
                firstResponse = queued.AddSeconds(Math.Round(rng.LogNormal(5 * 3600, 0.8) * busy));
                resolvedAt = resolved ? firstResponse.Value.AddSeconds(Math.Round(rng.LogNormal(12 * 3600, 0.9))) : null;
                escalated = rng.Chance(0.04);
                break;
            default: // ivr: self-service, contained when resolved
                selfService = true;
                resolved = rng.Chance(0.55 * (0.6 + (0.4 * engagement)));
                ended = queued.AddSeconds(Math.Round(rng.LogNormal(80, 0.4)));
                break;
        }

        files.Contacts.Text(id).Text(c.Id).Text(channel).Text(TextBank.Reasons[reason]).Time(queued).Time(answered).Time(ended)
            .Int((long)talk).Int((long)hold).Int((long)conference).Int((long)wrap).Flag(resolved).Flag(abandoned)
            .Flag(escalated).Flag(selfService).Time(firstResponse).Time(resolvedAt).EndRow();
        return new Contact(ended ?? resolvedAt ?? firstResponse ?? queued, channel, reason, resolved, !abandoned && !selfService, wait, repeat);
    }

    private static int Reason(SampleRandom rng, double engagement, DateTime at)
    {
        if (engagement < 0.45 && rng.Chance(0.35))
        {
            return 5; // cancellation
        }

        double delivery = at.Month is 12 or 1 ? 0.35 : 0.18;
        return rng.Weighted([0.26, delivery, 0.22, 0.16, 0.14]);
    }

    private static void WriteSurveys(SimulatedCustomer c, List<Contact> contacts, SampleRandom rng, Files files)
    {
        // Transactional CSAT and CES after answered contacts.
        foreach (Contact contact in contacts)
        {
            double e = c.Engagement(contact.At);
            if (contact.Answered && rng.Chance(0.6 * (0.4 + (0.6 * e))))
            {
                double latent = 3.9 + (0.45 * c.Disposition) + (contact.Resolved ? 0.5 : -1.3) - (contact.WaitSeconds / 300) + (1.2 * (e - 1)) + rng.Normal(0, 0.7);
                Survey(files.Csat, files, c, contact.Channel, contact.At.AddMinutes(rng.Exponential(180)), Clamp(latent, 1, 5), Weight(c));
            }

            if (contact.Answered && rng.Chance(0.4 * (0.4 + (0.6 * e))))
            {
                double latent = 5.4 + (0.4 * c.Disposition) + (contact.Resolved ? 0.6 : -1.6) - (contact.Repeat ? 0.8 : 0) + rng.Normal(0, 0.8);
                Survey(files.Ces, files, c, contact.Channel, contact.At.AddMinutes(rng.Exponential(180)), Clamp(latent, 1, 7), Weight(c));
            }
        }

        // Relationship NPS about every three months; scores drift up through the window (a product improving) and
        // fall as a customer disengages or piles up unresolved contacts.
        for (DateTime wave = c.Signup.AddDays(30 + rng.Uniform(0, 30)); wave < c.ActiveUntil; wave = wave.AddDays(rng.Uniform(75, 105)))
        {
            double e = c.Engagement(wave);
            if (!rng.Chance(0.65 * (0.3 + (0.7 * e))))
            {
                continue;
            }

            int unresolved = 0;
            foreach (Contact contact in contacts)
            {
                if (!contact.Resolved && contact.At <= wave && contact.At > wave.AddDays(-90))
                {
                    unresolved++;
                }
            }

            double years = (wave - SampleCalendar.Start).TotalDays / 365.25;
            double latent = 7.3 + (1.3 * c.Disposition) + (3.5 * (e - 1)) + (0.6 * years) - (0.7 * unresolved) - (wave.Month == 12 ? 0.5 : 0) + rng.Normal(0, 1.3);
            string channel = c.IgnoresEmail(wave) || rng.Chance(0.2) ? "sms" : "email";
            Survey(files.Nps, files, c, channel, SampleCalendar.AtPlausibleHour(wave, rng), Clamp(latent, 0, 10), Weight(c));
        }
    }

    private static void Survey(SampleCsvWriter file, Files files, SimulatedCustomer c, string channel, DateTime at, int score, double weight)
    {
        string prefix = ReferenceEquals(file, files.Nps) ? "N" : ReferenceEquals(file, files.Csat) ? "S" : "E";
        file.Text(prefix + file.Rows.ToString("D7", CultureInfo.InvariantCulture)).Text(c.Id).Text(channel).Text(c.Region)
            .Time(at).Int(score).Number(weight, "0.##").EndRow();
    }

    // Survey weights: the south is under-sampled in this panel, so its responses weigh more.
    private static double Weight(SimulatedCustomer c) => c.Region == "south" ? 1.5 : 1;

    private static int Clamp(double latent, int min, int max) => (int)Math.Clamp(Math.Round(latent), min, max);

    /// <summary>
    /// Purchases by the BG/NBD story (Fader, Hardie and Lee 2005): while alive, a Poisson process with a
    /// gamma-distributed rate (seasonally thinned); after each purchase the customer drops out with a
    /// beta-distributed probability. Spend per purchase follows Gamma-Gamma (Fader, Hardie and Lee 2005b).
    /// </summary>
    private static void WriteTransactions(SimulatedCustomer c, SampleRandom rng, Files files)
    {
        double rate = rng.Gamma(1.1, 1.0 / 28);                   // purchases per day while alive
        double dropout = rng.Beta(1.0, 7.0);
        double nu = rng.Gamma(SpendQ, 1.0 / SpendV);              // spend: z ~ Gamma(p, scale 1/nu), mean p/nu
        DateTime t = c.Signup;
        Func<DateTime, double> shape = x => SampleCalendar.WeeklyShopping(x) * (1 + (0.3 * Math.Cos(2 * Math.PI * (x.DayOfYear - 350) / 365.25)));
        while (true)
        {
            files.Transactions.Text(c.Id).Date(t).Money(Math.Max(0.5, rng.Gamma(SpendP, 1 / nu))).EndRow();
            if (rng.Chance(dropout) || SampleCalendar.Next(t, c.ActiveUntil, rate, shape, 1.3 * 1.3, rng) is not { } next)
            {
                return;
            }

            t = next;
        }
    }

    private static void WriteConversations(SimulatedCustomer c, SampleRandom rng, Files files)
    {
        DateTime t = c.Signup;
        Func<DateTime, double> shape = x => SampleCalendar.Yearly(x) * (1 + (1.5 * (1 - c.Engagement(x))));
        while (SampleCalendar.Next(t, c.ActiveUntil, 0.3 / 30, shape, 1.75 * 2.5, rng) is { } at)
        {
            t = at;
            string conversation = "V" + files.NextConversation().ToString("D7", CultureInfo.InvariantCulture);
            double e = c.Engagement(at);
            double mood = (0.35 * c.Disposition) + (1.2 * (e - 0.7)) + rng.Normal(0, 0.4);
            int reason = Reason(rng, e, at);
            DateTime start = SampleCalendar.AtPlausibleHour(at, rng);
            if (rng.Chance(0.6))
            {
                // The customer writes first, on their favourite channel.
                string channel = SimulatedCustomer.MessageChannels[rng.Weighted(c.MessageChannelWeights)];
                Message(files, conversation, c, channel, inbound: true, start, TextBank.Inbound(rng, c.Language, reason, mood), resolved: false);
                DateTime answer = start.AddSeconds(AgentDelay(channel, start, rng));
                bool fixedIt = rng.Chance(0.75);
                Message(files, conversation, c, channel, inbound: false, answer, TextBank.Agent(rng, c.Language, reason), resolved: false);
                if (rng.Chance(0.1 + (0.75 * e)))
                {
                    DateTime reply = answer.AddSeconds(CustomerDelay(channel, e, rng));
                    double after = mood + (fixedIt ? 0.5 : -0.6);
                    Message(files, conversation, c, channel, inbound: true, reply, TextBank.FollowUp(rng, c.Language, after, e), resolved: false);
                    DateTime close = reply.AddSeconds(AgentDelay(channel, reply, rng));
                    Message(files, conversation, c, channel, inbound: false, close,
                        fixedIt ? TextBank.AgentClose(rng, c.Language) : TextBank.Agent(rng, c.Language, reason), resolved: fixedIt);
                }
            }
            else
            {
                // The company writes first; email is ignored by customers who stopped reading it.
                string channel = c.WhatsAppOptIn && rng.Chance(0.3) ? "whatsapp" : c.SmsOptIn && rng.Chance(0.45) ? "sms" : "email";
                Message(files, conversation, c, channel, inbound: false, start, TextBank.ProactiveMessage(rng, c.Language), resolved: false);
                double replyChance = (channel == "email" && c.IgnoresEmail(start) ? 0.04 : channel == "email" ? 0.45 : 0.65) * (0.2 + (0.8 * e));
                if (rng.Chance(replyChance))
                {
                    DateTime reply = start.AddSeconds(CustomerDelay(channel, e, rng));
                    string text = rng.Chance(0.5) ? TextBank.FollowUp(rng, c.Language, mood, e) : TextBank.Inbound(rng, c.Language, reason, mood);
                    Message(files, conversation, c, channel, inbound: true, reply, text, resolved: false);
                    DateTime close = reply.AddSeconds(AgentDelay(channel, reply, rng));
                    Message(files, conversation, c, channel, inbound: false, close, TextBank.AgentClose(rng, c.Language), resolved: true);
                }
            }
        }
    }

    private static void Message(Files files, string conversation, SimulatedCustomer c, string channel, bool inbound, DateTime at, string text, bool resolved) =>
        files.Messages.Text("M" + files.Messages.Rows.ToString("D8", CultureInfo.InvariantCulture)).Text(conversation).Text(c.Id).Text(channel)
            .Text(inbound ? "inbound" : "outbound").Time(at).Text(text).Flag(resolved).EndRow();

    private static double AgentDelay(string channel, DateTime at, SampleRandom rng) =>
        Math.Round(channel switch
        {
            "chat" => rng.LogNormal(90, 0.6),
            "email" => rng.LogNormal(4 * 3600, 0.9),
            _ => rng.LogNormal(15 * 60, 0.9),
        } * (at.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 2 : 1)) + 5;

    // Disengaging customers answer later: the delay grows up to five-fold as engagement falls.
    private static double CustomerDelay(string channel, double engagement, SampleRandom rng) =>
        Math.Round(rng.LogNormal(channel == "email" ? 5 * 3600 : channel == "chat" ? 60 : 20 * 60, 0.8) * (1 + (4 * (1 - engagement)))) + 5;

    private sealed record Campaign(string Id, string Channel, DateTime At)
    {
        /// <summary>A monthly email newsletter, an SMS offer every other month, quarterly WhatsApp news, Black Friday on all three.</summary>
        public static List<Campaign> Calendar()
        {
            var list = new List<Campaign>();
            for (DateTime month = SampleCalendar.Start; month < SampleCalendar.EndExclusive; month = month.AddMonths(1))
            {
                string label = month.ToString("yyyy-MM", CultureInfo.InvariantCulture);
                DateTime tuesday = month.AddDays(((int)DayOfWeek.Tuesday - (int)month.DayOfWeek + 7) % 7).AddHours(10);
                list.Add(new Campaign("newsletter-" + label, "email", tuesday));
                if (month.Month % 2 == 0)
                {
                    list.Add(new Campaign("sms-offer-" + label, "sms", month.AddDays(14).AddHours(18)));
                }

                if (month.Month % 3 == 1)
                {
                    list.Add(new Campaign("whatsapp-news-" + label, "whatsapp", month.AddDays(20).AddHours(12)));
                }

                if (month.Month == 11)
                {
                    DateTime friday = month.AddMonths(1).AddDays(-1);
                    while (friday.DayOfWeek != DayOfWeek.Friday)
                    {
                        friday = friday.AddDays(-1);
                    }

                    foreach (string channel in new[] { "email", "sms", "whatsapp" })
                    {
                        list.Add(new Campaign($"black-friday-{month.Year}-{channel}", channel, friday.AddHours(8)));
                    }
                }
            }

            list.Sort((a, b) => a.At.CompareTo(b.At));
            return list;
        }
    }

    private static void WriteSends(SimulatedCustomer c, List<Campaign> campaigns, SampleRandom rng, Files files)
    {
        bool email = true, sms = c.SmsOptIn, whatsapp = c.WhatsAppOptIn;
        var recent = new Queue<DateTime>();
        foreach (Campaign campaign in campaigns)
        {
            if (campaign.At < c.Signup || campaign.At >= c.ActiveUntil)
            {
                continue;
            }

            bool subscribed = campaign.Channel switch { "email" => email, "sms" => sms, _ => whatsapp };
            if (!subscribed)
            {
                continue;
            }

            while (recent.Count > 0 && recent.Peek() < campaign.At.AddDays(-30))
            {
                recent.Dequeue();
            }

            recent.Enqueue(campaign.At);
            double e = c.Engagement(campaign.At);
            DateTime sent = campaign.At.AddSeconds(rng.Int(0, 1800));
            bool delivered = rng.Chance(campaign.Channel == "email" ? 0.96 : 0.99);
            double open = campaign.Channel switch
            {
                "email" => 0.45 * Math.Pow(e, 1.5) * (c.IgnoresEmail(sent) ? 0.12 : 1),
                "sms" => 0.85 * (0.5 + (0.5 * e)),
                _ => 0.9 * (0.6 + (0.4 * e)),
            };
            bool opened = delivered && rng.Chance(open);
            bool clicked = opened && rng.Chance(0.2 * e);
            bool replied = delivered && rng.Chance(campaign.Channel == "email" ? 0.005 : (campaign.Channel == "sms" ? 0.03 : 0.07) * e);
            bool unsubscribed = delivered && rng.Chance(0.003 + (0.025 * (1 - e)) + (0.006 * (recent.Count - 1)));
            files.Sends.Text("D" + files.Sends.Rows.ToString("D8", CultureInfo.InvariantCulture)).Text(campaign.Id).Text(c.Id).Text(campaign.Channel)
                .Time(sent).Flag(delivered).Flag(opened).Flag(clicked).Flag(replied).Flag(unsubscribed).EndRow();
            if (unsubscribed)
            {
                switch (campaign.Channel)
                {
                    case "email": email = false; break;
                    case "sms": sms = false; break;
                    default: whatsapp = false; break;
                }
            }
        }
    }

    private static void WriteReview(SimulatedCustomer c, SampleRandom rng, Files files)
    {
        DateTime? at = null;
        if (c.Churned && rng.Chance(0.2))
        {
            at = c.ChurnAt.AddDays(-rng.Uniform(0, 5));              // an angry goodbye
        }
        else if (rng.Chance(0.3))
        {
            at = c.Signup.AddDays(rng.Uniform(0, (c.ActiveUntil - c.Signup).TotalDays));
        }

        if (at is not { } when || when < c.Signup)
        {
            return;
        }

        double e = c.Engagement(when);
        double rating = Math.Clamp(Math.Round(4.1 + (0.8 * c.Disposition) + (2.8 * (e - 1)) + rng.Normal(0, 0.7)), 1, 5);
        DateTime published = SampleCalendar.AtPlausibleHour(when, rng);
        DateTime? responded = rng.Chance(rating <= 2 ? 0.9 : 0.7) ? published.AddSeconds(Math.Round(rng.LogNormal(6 * 3600, 1))) : null;
        files.Reviews.Text("R" + files.Reviews.Rows.ToString("D7", CultureInfo.InvariantCulture)).Text(ReviewSources[rng.Weighted(ReviewSourceWeights)])
            .Int((long)rating).Int(5).Time(published).Time(responded).Text(TextBank.Review(rng, c.Language, rating)).Text(null).EndRow();
    }

    private static readonly string[] Networks = ["instagram", "facebook", "linkedin", "tiktok", "x"];
    private static readonly double[] NetworkFollowers = [12_000, 8_000, 3_000, 5_000, 4_000];

    private static void WritePosts(SampleRandom rng, Files files)
    {
        for (DateTime day = SampleCalendar.Start; day < SampleCalendar.EndExclusive; day = day.AddDays(1))
        {
            if (!rng.Chance(day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 0.15 : 0.45))
            {
                continue;
            }

            int n = rng.Int(Networks.Length);
            string network = Networks[n];
            double years = (day - SampleCalendar.Start).TotalDays / 365.25;
            long followers = (long)Math.Round(NetworkFollowers[n] * (1 + (0.3 * years)));
            string campaign = day.Month == 11 && day.Day >= 20 ? "black-friday" : day.Month == 7 ? "summer-sale" : day.Month == 1 && day.Day <= 15 ? "new-year" : "always-on";
            double boost = campaign == "always-on" ? 1 : 1.6;
            long reach = (long)Math.Round(followers * rng.LogNormal(0.35, 0.4) * boost);
            long impressions = (long)Math.Round(reach * rng.Uniform(1.1, 1.6));
            double rate = rng.LogNormal(network == "tiktok" ? 0.05 : network == "linkedin" ? 0.015 : 0.03, 0.4);
            long likes = (long)Math.Round(reach * rate);
            bool poll = rng.Chance(0.05);
            files.Posts.Text("P" + files.Posts.Rows.ToString("D6", CultureInfo.InvariantCulture)).Text(network).Text(campaign)
                .Time(SampleCalendar.AtPlausibleHour(day, rng)).Int(network == "linkedin" && rng.Chance(0.15) ? null : reach)
                .Int(impressions).Int(followers).Int(likes).Int((long)Math.Round(likes * rng.Uniform(0.04, 0.12)))
                .Int((long)Math.Round(likes * rng.Uniform(0.02, 0.08)))
                .Int(network is "instagram" or "tiktok" ? (long)Math.Round(likes * rng.Uniform(0.05, 0.15)) : null)
                .Int(network is "facebook" or "linkedin" or "x" ? (long)Math.Round(reach * rng.Uniform(0.005, 0.02)) : null)
                .Int(poll ? (long)Math.Round(reach * rng.Uniform(0.03, 0.09)) : null).Int(poll ? reach : null).EndRow();
        }
    }

    private static readonly string[] MentionChannels = ["x", "instagram", "facebook", "tiktok", "reddit", "forum", "news"];
    private static readonly double[] MentionChannelWeights = [0.3, 0.2, 0.15, 0.12, 0.1, 0.08, 0.05];
    private static readonly string[] HandleStart = ["sun", "blue", "mar", "luz", "rio", "nova", "pixel", "alba", "kite", "terra", "echo", "luna"];
    private static readonly string[] HandleEnd = ["fox", "walker", "_fan", "lab", "bytes", "_es", "river", "cat", "_bcn", "home", "runner", "tales"];

    private void WriteMentions(SampleRandom rng, Files files)
    {
        double perDay = Math.Max(0.05, _customers * 0.0012);
        for (DateTime day = SampleCalendar.Start; day < SampleCalendar.EndExclusive; day = day.AddDays(1))
        {
            int count = rng.Poisson(perDay * SampleCalendar.Yearly(day));
            for (int k = 0; k < count; k++)
            {
                // December delivery trouble sours the conversation about the brand; it recovers in spring.
                double mood = rng.Normal(0.15, 0.6) - (day.Month == 12 ? 0.45 : 0);
                int language = rng.Chance(0.35) ? 1 : 0;
                string channel = MentionChannels[rng.Weighted(MentionChannelWeights)];
                string author = "@" + rng.Pick(HandleStart) + rng.Pick(HandleEnd) + rng.Int(10, 99).ToString(CultureInfo.InvariantCulture);
                long reach = (long)Math.Round(rng.LogNormal(channel == "news" ? 20_000 : 400, 1.1));
                files.Mentions.Text("W" + files.Mentions.Rows.ToString("D7", CultureInfo.InvariantCulture)).Text(author).Text(channel)
                    .Time(SampleCalendar.AtPlausibleHour(day, rng)).Text(TextBank.Mention(rng, language, mood)).Int(reach).EndRow();
            }
        }
    }

    /// <summary>The open writers, one per file, in <see cref="FileNames"/> order.</summary>
    private sealed class Files : IDisposable
    {
        private long _conversations;

        public Files(string directory)
        {
            string P(string name) => Path.Combine(directory, name);
            Customers = new(P("customers.csv"), "customer_id,start_date,end_date,channel,monthly_revenue,region,language");
            Transactions = new(P("transactions.csv"), "customer_id,date,amount");
            Contacts = new(P("contacts.csv"), "contact_id,customer_id,channel,reason,queued_at,answered_at,ended_at,talk_seconds,hold_seconds,conference_seconds,wrap_seconds,resolved,abandoned,escalated,self_service,first_response_at,resolved_at");
            Nps = new(P("nps.csv"), SurveyHeader);
            Csat = new(P("csat.csv"), SurveyHeader);
            Ces = new(P("ces.csv"), SurveyHeader);
            Messages = new(P("messages.csv"), "message_id,conversation_id,customer_id,channel,direction,sent_at,text,resolved");
            Sends = new(P("campaign_sends.csv"), "send_id,campaign_id,customer_id,channel,sent_at,delivered,opened,clicked,replied,unsubscribed");
            Reviews = new(P("reviews.csv"), "review_id,source,rating,scale_max,published_at,responded_at,text,sentiment");
            Posts = new(P("social_posts.csv"), "post_id,network,campaign,published_at,reach,impressions,followers,likes,comments,shares,saves,clicks,poll_votes,poll_reach");
            Mentions = new(P("mentions.csv"), "mention_id,author,channel,published_at,text,reach");
        }

        public SampleCsvWriter Customers { get; }

        public SampleCsvWriter Transactions { get; }

        public SampleCsvWriter Contacts { get; }

        public SampleCsvWriter Nps { get; }

        public SampleCsvWriter Csat { get; }

        public SampleCsvWriter Ces { get; }

        public SampleCsvWriter Messages { get; }

        public SampleCsvWriter Sends { get; }

        public SampleCsvWriter Reviews { get; }

        public SampleCsvWriter Posts { get; }

        public SampleCsvWriter Mentions { get; }

        private SampleCsvWriter[] All => [Customers, Transactions, Contacts, Nps, Csat, Ces, Messages, Sends, Reviews, Posts, Mentions];

        public long NextConversation() => ++_conversations;

        public Dictionary<string, long> RowCounts()
        {
            var counts = new Dictionary<string, long>(StringComparer.Ordinal);
            SampleCsvWriter[] all = All;
            for (int i = 0; i < all.Length; i++)
            {
                counts[FileNames[i]] = all[i].Rows;
            }

            return counts;
        }

        public void Dispose()
        {
            foreach (SampleCsvWriter writer in All)
            {
                writer.Dispose();
            }
        }
    }
}
