using System.Globalization;
using System.Runtime.CompilerServices;

namespace Engagement.Metrics.Internal;

/// <summary>
/// Collects every rule an options object breaks, so one exception reports them all (Polly's ValidationHelper idea).
/// Validating valid options allocates nothing: the error list exists only once a rule fails, and the message
/// handler formats a message only for a broken rule (hot-path calculators validate their options on every call).
/// </summary>
internal readonly struct OptionsValidation
{
    private readonly string _optionsName;
    private readonly List<string>? _errors;

    public OptionsValidation(string optionsName)
        : this(optionsName, null)
    {
    }

    private OptionsValidation(string optionsName, List<string>? errors)
    {
        _optionsName = optionsName;
        _errors = errors;
    }

    public OptionsValidation Require(bool condition, [InterpolatedStringHandlerArgument(nameof(condition))] ref MessageHandler message)
    {
        if (condition)
        {
            return this;
        }

        List<string> errors = _errors ?? [];
        errors.Add(message.ToStringAndClear());
        return new OptionsValidation(_optionsName, errors);
    }

    public OptionsValidation RequireConfidenceLevel(double level) =>
        Require(level > 0 && level < 1, $"ConfidenceLevel is {level}; it must lie strictly between 0 and 1, for example 0.95.");

    /// <exception cref="ArgumentException">At least one rule is broken; the message lists all of them.</exception>
    public void ThrowIfInvalid()
    {
        if (_errors is { Count: > 0 })
        {
            throw new ArgumentException($"{_optionsName} is not valid: {string.Join(" ", _errors)}", _optionsName);
        }
    }

    /// <summary>Formats (with the invariant culture) only when the rule it belongs to is broken.</summary>
    [InterpolatedStringHandler]
    public ref struct MessageHandler
    {
        private DefaultInterpolatedStringHandler _inner;

        public MessageHandler(int literalLength, int formattedCount, bool condition, out bool shouldAppend)
        {
            shouldAppend = !condition;
            _inner = shouldAppend ? new DefaultInterpolatedStringHandler(literalLength, formattedCount, CultureInfo.InvariantCulture) : default;
        }

        public void AppendLiteral(string value) => _inner.AppendLiteral(value);

        public void AppendFormatted<T>(T value) => _inner.AppendFormatted(value);

        public string ToStringAndClear() => _inner.ToStringAndClear();
    }
}
