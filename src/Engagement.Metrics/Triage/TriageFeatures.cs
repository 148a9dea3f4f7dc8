namespace Engagement.Metrics.Triage;

/// <summary>The evidence <see cref="MessageClassifier"/> found in a message; several may fire at once.</summary>
/// <remarks>
/// Each feature adds its weight (from <see cref="MessageClassifierOptions"/>) to one class score; the list of fired
/// features is the classification's reason. Phrase features match the option lists after case and accent folding,
/// at word boundaries.
/// </remarks>
[Flags]
public enum TriageFeatures
{
    /// <summary>No feature fired.</summary>
    None = 0,

    /// <summary>A question mark (<c>?</c> or <c>¿</c>): interactive evidence.</summary>
    Question = 1 << 0,

    /// <summary>A request or problem phrase ("can you", "I need", "not working", "por favor", "no funciona"…): interactive evidence.</summary>
    RequestPhrase = 1 << 1,

    /// <summary>A thanks, acknowledgement or FYI phrase ("thanks", "got it", "FYI", "gracias", "recibido"…): informational evidence.</summary>
    AcknowledgementPhrase = 1 << 2,

    /// <summary>A short message (at most <see cref="MessageClassifierOptions.ShortMessageWords"/> words) without a question: informational evidence.</summary>
    ShortMessage = 1 << 3,

    /// <summary>One or more links (<c>http://</c>, <c>https://</c>, <c>www.</c>): automated evidence, per link.</summary>
    Links = 1 << 4,

    /// <summary>Links make up a large share of the words (links ÷ words ≥ <see cref="MessageClassifierOptions.LinkDensityThreshold"/>): automated evidence.</summary>
    LinkDensity = 1 << 5,

    /// <summary>An auto-reply, out-of-office or machine-notification phrase ("automatic reply", "respuesta automática", "do not reply"…): automated evidence.</summary>
    AutoReplyPhrase = 1 << 6,

    /// <summary>An unsubscribe footer ("unsubscribe", "reply STOP", "darse de baja", "para no recibir"…): automated evidence.</summary>
    UnsubscribeFooter = 1 << 7,

    /// <summary>A promotional phrase ("free", "winner", "click here", "gratis", "oferta"…): automated evidence, per phrase.</summary>
    PromotionalPhrase = 1 << 8,

    /// <summary>A burst of capitals: a run of ≥ <see cref="MessageClassifierOptions.CapsBurstWords"/> all-caps words: automated evidence.</summary>
    AllCapsBurst = 1 << 9,

    /// <summary>At least <see cref="MessageClassifierOptions.ExclamationThreshold"/> exclamation marks: automated evidence.</summary>
    ExcessiveExclamation = 1 << 10,

    /// <summary>A run of at least <see cref="MessageClassifierOptions.LongDigitRun"/> digits (codes, premium numbers): automated evidence.</summary>
    LongDigitString = 1 << 11,

    /// <summary>The same normalised text was seen at least <see cref="MessageClassifierOptions.RepetitionThreshold"/> times (see <see cref="TextFingerprint"/>): automated evidence.</summary>
    Repeated = 1 << 12,
}
