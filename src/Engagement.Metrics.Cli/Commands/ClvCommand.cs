using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Engagement.Metrics.Cli.Input;
using Engagement.Metrics.Cli.Output;
using Engagement.Metrics.Lifetime;
using Engagement.Metrics.Statistics;

namespace Engagement.Metrics.Cli.Commands;

/// <summary>
/// <c>clv summary|fit|predict</c>: customer lifetime value from a transaction log (<c>customer_id, date, amount</c>) or an
/// RFM summary (<c>customer_id, frequency, recency, T, monetary_value</c>, the lifetimes convention).
/// </summary>
internal static partial class ClvCommand
{
    private const string Models = "bgnbd, paretonbd, mbgnbd, bgbb, gammagamma";

    public static Command Create(CliConsole console)
    {
        var clv = new Command("clv", "Customer lifetime value: RFM summaries, BG/NBD-family and Gamma-Gamma fits, per-customer predictions and CLV.");
        clv.Subcommands.Add(Summary(console));
        clv.Subcommands.Add(Fit(console));
        clv.Subcommands.Add(Predict(console));
        return clv;
    }

    private static Command Summary(CliConsole console)
    {
        var command = new Command("summary", "Transactions (customer_id, date, amount) -> one RFM row per customer: frequency = repeat purchase days, recency and T since the first purchase, monetary_value = mean repeat spend.");
        var data = new DataOptions(command, observationEndRequired: true);
        command.SetAction(parsed =>
        {
            DataSettings settings = data.Read(parsed);
            RfmRecord[] rows = ReadRfm(settings, console).Rows;
            var table = rows.Select(r => new JsonObject
            {
                ["customer_id"] = r.CustomerId,
                ["frequency"] = r.Frequency,
                ["recency"] = r.Recency,
                ["T"] = r.Age,
                ["monetary_value"] = r.MonetaryValue,
            }).ToList();
            var document = new JsonObject
            {
                ["timeUnit"] = settings.TimeUnit == RfmTimeUnit.Weeks ? "weeks" : "days",
                ["customers"] = new JsonArray([.. table.Select(r => (JsonNode)r.DeepClone())]),
            };
            OutputOptions.Write(new OutputDocument("RFM summary", document, table), parsed.GetValue(data.Output.Format), parsed.GetValue(data.Output.Output), console);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Fit(CliConsole console)
    {
        var command = new Command("fit", $"Fit a model by maximum likelihood: {Models}.");
        var data = new DataOptions(command, observationEndRequired: false);
        var model = new Option<string>("--model", "-m") { Description = $"The model: {Models}.", DefaultValueFactory = _ => "bgnbd" };
        command.Options.Add(model);
        command.SetAction(parsed =>
        {
            DataSettings settings = data.Read(parsed);
            string name = parsed.GetValue(model)!;
            FittedModel fitted = name == "bgbb" ? FitBgBb(settings, console) : FitModel(name, ReadRfm(settings, console));
            JsonObject document = fitted.Describe();
            OutputOptions.Write(new OutputDocument($"CLV model ({fitted.Name})", document, [(JsonObject)document.DeepClone()]), parsed.GetValue(data.Output.Format), parsed.GetValue(data.Output.Output), console);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Predict(CliConsole console)
    {
        var command = new Command("predict", "Fit a repeat-purchase model (and Gamma-Gamma on monetary_value) and predict per customer: expected purchases, P(alive), expected spend, discounted CLV.");
        var data = new DataOptions(command, observationEndRequired: false);
        var model = new Option<string>("--model", "-m") { Description = "The repeat-purchase model: bgnbd, paretonbd, mbgnbd.", DefaultValueFactory = _ => "bgnbd" };
        var periods = new Option<int>("--periods") { Description = "Number of discounting periods in the CLV.", DefaultValueFactory = _ => 12 };
        var periodLength = new Option<double?>("--period-length") { Description = "Length of one discounting period in the data's time unit (default a month: 30 days or 4.345 weeks)." };
        var discount = new Option<double>("--discount-rate") { Description = "Discount rate per period.", DefaultValueFactory = _ => 0.01 };
        var margin = new Option<double>("--margin") { Description = "Share of spend kept as profit, in [0, 1].", DefaultValueFactory = _ => 1 };
        var horizon = new Option<double?>("--horizon") { Description = "Horizon of expectedPurchases in the data's time unit (default: the CLV horizon, periods x period length)." };
        foreach (Option option in new Option[] { model, horizon, periods, periodLength, discount, margin })
        {
            command.Options.Add(option);
        }

        command.SetAction(parsed =>
        {
            DataSettings settings = data.Read(parsed);
            RfmInput rfm = ReadRfm(settings, console);
            RfmRecord[] rows = rfm.Rows;
            string name = parsed.GetValue(model)!;
            FittedModel fitted = FitModel(name, rfm);
            IRepeatPurchaseModel repeat = fitted.Repeat ?? throw new UsageException($"--model {name} does not predict purchases; use bgnbd, paretonbd or mbgnbd (Gamma-Gamma is fitted on monetary_value automatically).");
            CustomerLifetimeValueOptions clvOptions = LibraryCall(() => new CustomerLifetimeValueOptions
            {
                Periods = parsed.GetValue(periods),
                PeriodLength = parsed.GetValue(periodLength) ?? (settings.TimeUnit == RfmTimeUnit.Weeks ? 4.345 : 30),
                DiscountRate = parsed.GetValue(discount),
                Margin = parsed.GetValue(margin),
            }.Validate());
            double t = parsed.GetValue(horizon) ?? (clvOptions.Periods * clvOptions.PeriodLength);
            if (!(t >= 0 && double.IsFinite(t)))
            {
                throw new UsageException($"--horizon is {t}; give a finite time >= 0 in the data's unit.");
            }

            var expected = new double[rows.Length];
            var alive = new double[rows.Length];
            for (int i = 0; i < rows.Length; i++)
            {
                expected[i] = repeat.ConditionalExpectedPurchases(t, rows[i]);
                alive[i] = repeat.ProbabilityAlive(rows[i]);
            }

            GammaGammaModel? spend = null;
            double[]? value = null, clv = null;
            if (HasRepeatSpend(rows))
            {
                spend = DataCall(() => GammaGamma.Fit(rows), rfm);
                value = new double[rows.Length];
                clv = new double[rows.Length];
                spend.ConditionalExpectedAverageSpend(rows, value);
                CustomerLifetimeValue.Calculate(repeat, rows, value, clv, clvOptions);
            }

            var table = new List<JsonObject>(rows.Length);
            for (int i = 0; i < rows.Length; i++)
            {
                table.Add(new JsonObject
                {
                    ["customerId"] = rows[i].CustomerId,
                    ["expectedPurchases"] = expected[i],
                    ["probabilityAlive"] = alive[i],
                    ["expectedValue"] = value?[i],
                    ["clv"] = clv?[i],
                });
            }

            JsonObject document = fitted.Describe();
            document["spendModel"] = spend is null ? null : FittedModel.Of(spend).Describe();
            document["horizon"] = t;
            document["periods"] = clvOptions.Periods;
            document["periodLength"] = clvOptions.PeriodLength;
            document["discountRate"] = clvOptions.DiscountRate;
            document["margin"] = clvOptions.Margin;
            document["customers"] = new JsonArray([.. table.Select(r => (JsonNode)r.DeepClone())]);
            OutputOptions.Write(new OutputDocument($"CLV predictions ({fitted.Name})", document, table), parsed.GetValue(data.Output.Format), parsed.GetValue(data.Output.Output), console);
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>
    /// The one place that maps a <c>--model</c> name to a fit. Pareto/NBD (<c>paretonbd</c>) and BG/BB (<c>bgbb</c>)
    /// are added here when those models land; list them in <see cref="Models"/> too.
    /// </summary>
    private static FittedModel FitModel(string model, RfmInput input) => model switch
    {
        "bgnbd" => DataCall(() => FittedModel.Of("bgnbd", BgNbd.Fit(input.Rows)), input),
        "paretonbd" => DataCall(() => FittedModel.Of(ParetoNbd.Fit(input.Rows)), input),
        "mbgnbd" => DataCall(() => FittedModel.Of("mbgnbd", ModifiedBgNbd.Fit(input.Rows)), input),
        "gammagamma" => DataCall(() => FittedModel.Of(GammaGamma.Fit(input.Rows)), input),
        "bgbb" => throw new UsageException("--model bgbb fits discrete opportunities (frequency, recency, periods[, weight]) with clv fit, not repeat purchases in continuous time."),
        _ => throw new UsageException($"--model '{model}' is not known; use one of: {Models}."),
    };

    private static bool HasRepeatSpend(RfmRecord[] rows)
    {
        foreach (RfmRecord r in rows)
        {
            if (r.Frequency > 0 && r.MonetaryValue > 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Reads an RFM summary, or summarises transactions when the input has a <c>date</c> column.</summary>
    private static RfmInput ReadRfm(DataSettings settings, CliConsole console)
    {
        using TabularInput input = TabularInput.Open(settings.Input, console.In);
        input.RequireColumn("customer_id");
        if (input.HasColumn("date"))
        {
            input.RequireColumn("amount");
            DateOnly end = settings.ObservationEnd ?? throw new UsageException("The input holds transactions (a date column): give --observation-end, the last day observed.");
            var transactions = new List<CustomerTransaction>();
            var transactionRows = new List<int>();
            foreach (InputRow row in input.ReadRows())
            {
                transactionRows.Add(row.Number);
                string id = row.RequireText("customer_id");
                DateTimeOffset date = row.RequireTimestamp("date");
                double amount = row.OptionalDouble("amount") ?? throw row.Error("amount", "is empty; a purchase amount is required");
                transactions.Add(new CustomerTransaction(id, date, amount));
            }

            var fromTransactions = new RfmInput([], [], input.Source);
            RfmRecord[] summary = DataCall(() => RfmSummary.FromTransactions([.. transactions], end, new RfmSummaryOptions { TimeUnit = settings.TimeUnit }), new RfmInput([], [.. transactionRows], input.Source));
            return fromTransactions with { Rows = summary };
        }

        if (settings.ObservationEnd is not null)
        {
            throw new UsageException("--observation-end applies to transactions (customer_id, date, amount); this input is already an RFM summary.");
        }

        foreach (string column in new[] { "frequency", "recency", "T" })
        {
            input.RequireColumn(column);
        }

        var rows = new List<RfmRecord>();
        var rowNumbers = new List<int>();
        foreach (InputRow row in input.ReadRows())
        {
            rowNumbers.Add(row.Number);
            string id = row.RequireText("customer_id");
            int frequency = row.RequireInt("frequency");
            double recency = row.OptionalDouble("recency") ?? throw row.Error("recency", "is empty; a time is required");
            double age = row.OptionalDouble("T") ?? throw row.Error("T", "is empty; a time is required");
            double monetary = row.OptionalDouble("monetary_value") ?? 0;
            rows.Add(new RfmRecord(id, frequency, recency, age, monetary));
        }

        return new RfmInput([.. rows], [.. rowNumbers], input.Source);
    }

    /// <summary>
    /// BG/BB input: one row per customer or per (x, t_x, n) pattern — <c>frequency</c> (x, periods with a transaction),
    /// <c>recency</c> (t_x, the last such period, 0 when none), <c>periods</c> (n) and an optional <c>weight</c>
    /// (or <c>weights</c>, as in the published donations file): the number of customers with that pattern.
    /// </summary>
    private static FittedModel FitBgBb(DataSettings settings, CliConsole console)
    {
        using TabularInput input = TabularInput.Open(settings.Input, console.In);
        foreach (string column in new[] { "frequency", "recency", "periods" })
        {
            input.RequireColumn(column);
        }

        string? weightColumn = input.HasColumn("weight") ? "weight" : input.HasColumn("weights") ? "weights" : null;
        var rows = new List<BgBbRecord>();
        var rowNumbers = new List<int>();
        foreach (InputRow row in input.ReadRows())
        {
            rowNumbers.Add(row.Number);
            double weight = weightColumn is null ? 1 : row.OptionalDouble(weightColumn) ?? 1;
            rows.Add(new BgBbRecord(row.RequireInt("frequency"), row.RequireInt("recency"), row.RequireInt("periods"), weight));
        }

        return DataCall(() => FittedModel.Of(BgBb.Fit([.. rows])), [.. rowNumbers], input.Source);
    }

    /// <summary>
    /// Library rejections of the data are bad data (exit 3). The library names the position (<c>customers[i]</c>) and
    /// the customer; the position becomes the file's row number, as every CLI data error gives it.
    /// </summary>
    private static T DataCall<T>(Func<T> call, RfmInput input) => DataCall(call, input.RowNumbers, input.Source);

    private static T DataCall<T>(Func<T> call, int[] rowNumbers, string source)
    {
        try
        {
            return call();
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            string message = e.Message.ReplaceLineEndings(" ");
            Match position = PositionPattern().Match(message);
            string where = position.Success && int.TryParse(position.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out int index) && index < rowNumbers.Length
                ? string.Create(CultureInfo.InvariantCulture, $"{source}:{rowNumbers[index]}")
                : source;
            throw new InputDataException($"{where}: {message}");
        }
    }

    [GeneratedRegex(@"^\w+\[(\d+)\]")]
    private static partial Regex PositionPattern();

    private static T LibraryCall<T>(Func<T> create)
    {
        try
        {
            return create();
        }
        catch (ArgumentException e)
        {
            throw new UsageException(e.Message.ReplaceLineEndings(" "));
        }
    }

    /// <summary>A fitted model as the CLI reports it.</summary>
    internal sealed class FittedModel
    {
        private FittedModel(string name, (string Name, ParameterEstimate Estimate)[] parameters, double logLikelihood, double customers, FitDiagnostics? diagnostics, IRepeatPurchaseModel? repeat)
        {
            Name = name;
            Parameters = parameters;
            LogLikelihood = logLikelihood;
            Customers = customers;
            Diagnostics = diagnostics;
            Repeat = repeat;
        }

        public string Name { get; }

        public (string Name, ParameterEstimate Estimate)[] Parameters { get; }

        public double LogLikelihood { get; }

        /// <summary>Customers in the fit (BG/BB: the total weight of its patterns).</summary>
        public double Customers { get; }

        public FitDiagnostics? Diagnostics { get; }

        public IRepeatPurchaseModel? Repeat { get; }

        public static FittedModel Of(string name, BetaGeometricModel m) => new(name, [("r", m.R), ("alpha", m.Alpha), ("a", m.A), ("b", m.B)], m.LogLikelihood, m.Customers, m.Diagnostics, m);

        public static FittedModel Of(ParetoNbdModel m) => new("paretonbd", [("r", m.R), ("alpha", m.Alpha), ("s", m.S), ("beta", m.Beta)], m.LogLikelihood, m.Customers, m.Diagnostics, m);

        public static FittedModel Of(BgBbModel m) => new("bgbb", [("alpha", m.Alpha), ("beta", m.Beta), ("gamma", m.Gamma), ("delta", m.Delta)], m.LogLikelihood, m.Customers, m.Diagnostics, null);

        public static FittedModel Of(GammaGammaModel m) => new("gammagamma", [("p", m.P), ("q", m.Q), ("v", m.V)], m.LogLikelihood, m.Customers, m.Diagnostics, null);

        public JsonObject Describe() => Describe(Name, Parameters, LogLikelihood, Customers, Diagnostics);

        public static JsonObject Describe(string name, (string Name, ParameterEstimate Estimate)[] parameters, double logLikelihood, double customers, FitDiagnostics? diagnostics)
        {
            var values = new JsonObject();
            var errors = new JsonObject();
            foreach ((string parameter, ParameterEstimate estimate) in parameters)
            {
                values[parameter] = estimate.Value;
                errors[parameter] = estimate.StandardError;
            }

            return new JsonObject
            {
                ["model"] = name,
                ["parameters"] = values,
                ["logLikelihood"] = logLikelihood,
                ["customers"] = customers,
                ["converged"] = diagnostics?.Converged,
                ["standardErrors"] = errors,
                ["iterations"] = diagnostics?.Iterations,
                ["status"] = diagnostics?.Status.ToString(),
            };
        }
    }

    /// <summary>The input options every <c>clv</c> subcommand shares.</summary>
    private sealed class DataOptions
    {
        private readonly Option<string> _input = new("--input", "-i") { Description = "Transactions (customer_id, date, amount) or an RFM summary (customer_id, frequency, recency, T, monetary_value); CSV or JSON Lines.", Required = true };
        private readonly Option<string?> _observationEnd = new("--observation-end") { Description = "Last day observed (yyyy-MM-dd), inclusive; required for transactions." };
        private readonly Option<string> _timeUnit = new("--time-unit") { Description = "Unit of recency and T when summarising transactions (weeks = days/7), and of --horizon/--period-length.", DefaultValueFactory = _ => "days" };

        public DataOptions(Command command, bool observationEndRequired)
        {
            _observationEnd.Required = observationEndRequired;
            _timeUnit.AcceptOnlyFromAmong("days", "weeks");
            command.Options.Add(_input);
            command.Options.Add(_observationEnd);
            command.Options.Add(_timeUnit);
            Output.AddTo(command);
        }

        public OutputOptions Output { get; } = new();

        public DataSettings Read(ParseResult parsed)
        {
            string? end = parsed.GetValue(_observationEnd);
            DateOnly? observationEnd = null;
            if (end is not null)
            {
                observationEnd = DateOnly.TryParseExact(end, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly day)
                    ? day
                    : throw new UsageException($"--observation-end '{end}' is not a date; use yyyy-MM-dd, e.g. 2026-06-30.");
            }

            return new DataSettings(parsed.GetValue(_input)!, observationEnd, parsed.GetValue(_timeUnit) == "weeks" ? RfmTimeUnit.Weeks : RfmTimeUnit.Days);
        }
    }

    /// <summary>The RFM rows with the file row each came from (for transactions: the row of each transaction).</summary>
    private sealed record RfmInput(RfmRecord[] Rows, int[] RowNumbers, string Source);

    private sealed record DataSettings(string Input, DateOnly? ObservationEnd, RfmTimeUnit TimeUnit)
    {
        public string Source => Input == "-" ? "stdin" : Input;
    }
}
