using Engagement.Metrics.Internal;

namespace Engagement.Metrics.Triage;

/// <summary>
/// The transparent rule model of <see cref="MessageClassifier"/>: the phrase lists (English and Spanish together), the
/// weight each feature adds to its class score, and the thresholds.
/// </summary>
/// <remarks>
/// <para>
/// Scores: interactive = <see cref="InteractivePrior"/> + <see cref="QuestionWeight"/>·[question] +
/// <see cref="RequestPhraseWeight"/>·min(request phrases, 3); informational = <see cref="AcknowledgementPhraseWeight"/>·min(phrases, 3)
/// + <see cref="ShortMessageWeight"/>·[short, no question]; automated = <see cref="LinkWeight"/>·min(links, 3) +
/// <see cref="LinkDensityWeight"/>·[density] + <see cref="AutoReplyWeight"/>·[auto-reply phrase] + <see cref="UnsubscribeWeight"/>·[footer]
/// + <see cref="PromotionalPhraseWeight"/>·min(promotional phrases, 4) + <see cref="AllCapsBurstWeight"/>·[burst] +
/// <see cref="ExclamationWeight"/>·[!!!] + <see cref="LongDigitStringWeight"/>·[digits] + <see cref="RepetitionWeight"/>·[repeated].
/// The message is <see cref="MessageClass.Automated"/> when the automated score reaches <see cref="AutomatedThreshold"/> and is the
/// largest; otherwise the larger of interactive and informational wins (ties go to interactive, the safe side).
/// </para>
/// <para>
/// Every weight and list is <em>our</em> default, set on the tuning half of our labelled set
/// (<c>tests/Engagement.Metrics.Tests/Triage/Data</c>) and reported on the held-out half in <c>docs/metrics/triage.md</c>.
/// Phrases must be written folded — lower case, without accents (ñ stays) — so that "respuesta automática" is listed
/// as <c>respuesta automatica</c>; a phrase ending in <c>*</c> is a prefix.
/// </para>
/// </remarks>
public sealed record MessageClassifierOptions
{
    /// <summary>Our defaults (English and Spanish lists).</summary>
    public static MessageClassifierOptions Default { get; } = new();

    /// <summary>Request, question-word and problem phrases: evidence that a person expects a reply.</summary>
    public IReadOnlyList<string> RequestPhrases { get; init; } =
    [
        "can you", "could you", "can u", "can i", "could i", "can someone", "would you", "please", "pls", "plz", "i need", "need to",
        "i want", "i'd like", "help", "how do i", "how can i", "how do", "when will", "when is", "why",
        "what is", "what's", "is there", "do you", "are you", "any update", "anyone there", "still", "not working",
        "doesn't work", "does not work", "isn't", "can't", "cannot", "never", "haven't", "hasn't", "didn't",
        "broken", "damaged", "cracked", "refund*", "charged", "cancel*", "complain*", "problem", "issue",
        "wrong", "urgent*", "locked out", "speak to", "call me",
        "puede*", "podeis", "podrian", "podria*", "ayudame", "por favor", "porfa", "necesito", "quiero", "quisiera",
        "me gustaria", "ayuda", "cuando", "por que", "donde", "que pasa", "todavia", "no funciona",
        "no puedo", "no me", "no tengo", "no lo he recibido", "no he recibido", "nadie", "roto", "rota",
        "reembolso", "cobrado", "cancel*", "reclamacion", "problema", "incidencia", "novedad", "urgente",
        "bloquea*", "hablar con", "llamadme", "i ordered", "pedi",
    ];

    /// <summary>Thanks, acknowledgement and FYI phrases: evidence that no reply is needed.</summary>
    public IReadOnlyList<string> AcknowledgementPhrases { get; init; } =
    [
        "thanks", "thank you", "ty", "cheers", "appreciate*", "ok", "okay", "great", "perfect", "brilliant", "lovely", "noted",
        "got it", "sorted", "fyi", "just letting you know", "just wanted to say", "i've sent",
        "received", "done", "no worries", "fine",
        "have a nice",
        "gracias", "vale", "perfecto", "genial", "estupendo", "recibido", "anotado", "de acuerdo", "solucionado", "para que lo sepais",
        "solo queria decir", "os confirmo", "confirmo", "ya os he enviado", "sin problema",
        "me parece bien", "un saludo", "let you know", "os digo", "os cuento", "payment made", "i've updated", "ya esta", "he actualizado",
        "buen servicio", "amable*", "excelente",
    ];

    /// <summary>Auto-reply, out-of-office and machine-notification phrases.</summary>
    public IReadOnlyList<string> AutoReplyPhrases { get; init; } =
    [
        "auto-reply", "autoreply", "automatic reply", "automated message", "automatic notification",
        "out of office", "out of the office", "on annual leave", "on leave", "limited access to email",
        "do not reply", "please do not reply", "not monitored", "delivery status notification",
        "could not be delivered", "verification code",
        "respuesta automatica", "mensaje automatico", "notificacion automatica", "fuera de la oficina",
        "no me encuentro en la oficina", "no responda",
        "no conteste", "no esta atendido", "no se ha podido entregar",
        "codigo de verificacion", "voicemail", "buzon de voz",
    ];

    /// <summary>Unsubscribe and opt-out footers (not the customer's own "darme de baja", which is a request).</summary>
    public IReadOnlyList<string> UnsubscribePhrases { get; init; } =
    [
        "unsubscribe", "opt out", "opt-out", "reply stop", "text stop", "manage your preferences",
        "darse de baja", "no desea recibir", "envia baja", "responda baja", "cancelar suscripcion",
        "gestionar sus preferencias",
    ];

    /// <summary>Promotional and scam phrases.</summary>
    public IReadOnlyList<string> PromotionalPhrases { get; init; } =
    [
        "free", "win", "winner", "congratulations", "click here", "limited time", "offer", "% off", "sale", "shop now", "buy now",
        "act now", "apply now", "exclusive", "prize", "claim", "guaranteed", "earn", "bitcoin", "crypto",
        "loans", "selected", "no experience", "hot singles", "t&c",
        "gratis", "ganar", "gana", "ganado", "ganador", "felicidades", "haz clic", "oferta", "descuento", "compra ya", "premio",
        "reclama*", "exclusiva", "garantizad*", "prestamo*", "tiempo limitado", "aprovecha", "invierte", "cripto", "sorteo", "dear customer", "verify your", "estimado cliente", "verifique",
        "sin experiencia", "solicitalo",
    ];

    /// <summary>Score every interactive message starts from.</summary>
    /// <value>0.3: a message without any evidence is treated as someone expecting a reply (missing a customer costs more than reading a thank-you).</value>
    public double InteractivePrior { get; init; } = 0.3;

    /// <summary>Interactive weight of a question mark.</summary>
    /// <value>1.5.</value>
    public double QuestionWeight { get; init; } = 1.5;

    /// <summary>Interactive weight per distinct request phrase (at most 3 count).</summary>
    /// <value>0.8.</value>
    public double RequestPhraseWeight { get; init; } = 0.8;

    /// <summary>Informational weight per distinct acknowledgement phrase (at most 3 count).</summary>
    /// <value>0.8.</value>
    public double AcknowledgementPhraseWeight { get; init; } = 0.8;

    /// <summary>Informational weight of a short message without a question.</summary>
    /// <value>0.5.</value>
    public double ShortMessageWeight { get; init; } = 0.5;

    /// <summary>The most words a "short" message has.</summary>
    /// <value>4.</value>
    public int ShortMessageWords { get; init; } = 4;

    /// <summary>Automated weight per link (at most 3 count).</summary>
    /// <value>1.0.</value>
    public double LinkWeight { get; init; } = 1.0;

    /// <summary>Automated weight when links ÷ words reaches <see cref="LinkDensityThreshold"/>.</summary>
    /// <value>0.5.</value>
    public double LinkDensityWeight { get; init; } = 0.5;

    /// <summary>Links per word from which <see cref="TriageFeatures.LinkDensity"/> fires.</summary>
    /// <value>0.1 (one link in ten words).</value>
    public double LinkDensityThreshold { get; init; } = 0.1;

    /// <summary>Automated weight of an auto-reply phrase.</summary>
    /// <value>2.5: on its own it decides the class.</value>
    public double AutoReplyWeight { get; init; } = 2.5;

    /// <summary>Automated weight of an unsubscribe footer.</summary>
    /// <value>2.0.</value>
    public double UnsubscribeWeight { get; init; } = 2.0;

    /// <summary>Automated weight per distinct promotional phrase (at most 4 count).</summary>
    /// <value>0.6.</value>
    public double PromotionalPhraseWeight { get; init; } = 0.6;

    /// <summary>Automated weight of a burst of capitals.</summary>
    /// <value>0.6.</value>
    public double AllCapsBurstWeight { get; init; } = 0.6;

    /// <summary>The number of consecutive all-caps words (of ≥ 2 letters) that make a burst.</summary>
    /// <value>3.</value>
    public int CapsBurstWords { get; init; } = 3;

    /// <summary>Automated weight of excessive exclamation.</summary>
    /// <value>0.8.</value>
    public double ExclamationWeight { get; init; } = 0.8;

    /// <summary>The number of <c>!</c> from which exclamation is excessive.</summary>
    /// <value>3.</value>
    public int ExclamationThreshold { get; init; } = 3;

    /// <summary>Automated weight of a long digit string.</summary>
    /// <value>0.5: order numbers are long digit strings too, so this is weak evidence.</value>
    public double LongDigitStringWeight { get; init; } = 0.5;

    /// <summary>The shortest run of digits that counts as a long digit string.</summary>
    /// <value>6.</value>
    public int LongDigitRun { get; init; } = 6;

    /// <summary>Automated weight of a repeated text.</summary>
    /// <value>2.0.</value>
    public double RepetitionWeight { get; init; } = 2.0;

    /// <summary>How many messages (this one included) must share a fingerprint for <see cref="TriageFeatures.Repeated"/> to fire.</summary>
    /// <value>3.</value>
    public long RepetitionThreshold { get; init; } = 3;

    /// <summary>The automated score a message needs before it can be classed as automated.</summary>
    /// <value>1.5: one link or one promotional word alone is not enough.</value>
    public double AutomatedThreshold { get; init; } = 1.5;

    /// <summary>Checks every rule and reports all broken ones at once.</summary>
    /// <returns>These options, when valid.</returns>
    /// <exception cref="ArgumentException">A weight is negative or not finite, a count is below 1, or a phrase list is null, has an empty phrase or a phrase that is not folded.</exception>
    public MessageClassifierOptions Validate()
    {
        new OptionsValidation(nameof(MessageClassifierOptions))
            .Require(Weight(InteractivePrior), $"InteractivePrior is {InteractivePrior}; use a finite value ≥ 0.")
            .Require(Weight(QuestionWeight), $"QuestionWeight is {QuestionWeight}; use a finite value ≥ 0.")
            .Require(Weight(RequestPhraseWeight), $"RequestPhraseWeight is {RequestPhraseWeight}; use a finite value ≥ 0.")
            .Require(Weight(AcknowledgementPhraseWeight), $"AcknowledgementPhraseWeight is {AcknowledgementPhraseWeight}; use a finite value ≥ 0.")
            .Require(Weight(ShortMessageWeight), $"ShortMessageWeight is {ShortMessageWeight}; use a finite value ≥ 0.")
            .Require(Weight(LinkWeight), $"LinkWeight is {LinkWeight}; use a finite value ≥ 0.")
            .Require(Weight(LinkDensityWeight), $"LinkDensityWeight is {LinkDensityWeight}; use a finite value ≥ 0.")
            .Require(LinkDensityThreshold > 0 && LinkDensityThreshold <= 1, $"LinkDensityThreshold is {LinkDensityThreshold}; use a share in (0, 1], for example 0.1.")
            .Require(Weight(AutoReplyWeight), $"AutoReplyWeight is {AutoReplyWeight}; use a finite value ≥ 0.")
            .Require(Weight(UnsubscribeWeight), $"UnsubscribeWeight is {UnsubscribeWeight}; use a finite value ≥ 0.")
            .Require(Weight(PromotionalPhraseWeight), $"PromotionalPhraseWeight is {PromotionalPhraseWeight}; use a finite value ≥ 0.")
            .Require(Weight(AllCapsBurstWeight), $"AllCapsBurstWeight is {AllCapsBurstWeight}; use a finite value ≥ 0.")
            .Require(Weight(ExclamationWeight), $"ExclamationWeight is {ExclamationWeight}; use a finite value ≥ 0.")
            .Require(Weight(LongDigitStringWeight), $"LongDigitStringWeight is {LongDigitStringWeight}; use a finite value ≥ 0.")
            .Require(Weight(RepetitionWeight), $"RepetitionWeight is {RepetitionWeight}; use a finite value ≥ 0.")
            .Require(Weight(AutomatedThreshold), $"AutomatedThreshold is {AutomatedThreshold}; use a finite value ≥ 0.")
            .Require(ShortMessageWords >= 0, $"ShortMessageWords is {ShortMessageWords}; use 0 or more words.")
            .Require(CapsBurstWords >= 1, $"CapsBurstWords is {CapsBurstWords}; use 1 or more words.")
            .Require(ExclamationThreshold >= 1, $"ExclamationThreshold is {ExclamationThreshold}; use 1 or more.")
            .Require(LongDigitRun >= 1, $"LongDigitRun is {LongDigitRun}; use 1 or more digits.")
            .Require(RepetitionThreshold >= 2, $"RepetitionThreshold is {RepetitionThreshold}; use 2 or more messages.")
            .Require(BadPhrase(RequestPhrases) is null, $"RequestPhrases: {BadPhrase(RequestPhrases)}")
            .Require(BadPhrase(AcknowledgementPhrases) is null, $"AcknowledgementPhrases: {BadPhrase(AcknowledgementPhrases)}")
            .Require(BadPhrase(AutoReplyPhrases) is null, $"AutoReplyPhrases: {BadPhrase(AutoReplyPhrases)}")
            .Require(BadPhrase(UnsubscribePhrases) is null, $"UnsubscribePhrases: {BadPhrase(UnsubscribePhrases)}")
            .Require(BadPhrase(PromotionalPhrases) is null, $"PromotionalPhrases: {BadPhrase(PromotionalPhrases)}")
            .ThrowIfInvalid();
        return this;
    }

    /// <summary>Equal when every weight, threshold and phrase (in order) is equal.</summary>
    /// <param name="other">The options to compare with.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public bool Equals(MessageClassifierOptions? other) =>
        other is not null
        && InteractivePrior.Equals(other.InteractivePrior) && QuestionWeight.Equals(other.QuestionWeight)
        && RequestPhraseWeight.Equals(other.RequestPhraseWeight) && AcknowledgementPhraseWeight.Equals(other.AcknowledgementPhraseWeight)
        && ShortMessageWeight.Equals(other.ShortMessageWeight) && ShortMessageWords == other.ShortMessageWords
        && LinkWeight.Equals(other.LinkWeight) && LinkDensityWeight.Equals(other.LinkDensityWeight)
        && LinkDensityThreshold.Equals(other.LinkDensityThreshold) && AutoReplyWeight.Equals(other.AutoReplyWeight)
        && UnsubscribeWeight.Equals(other.UnsubscribeWeight) && PromotionalPhraseWeight.Equals(other.PromotionalPhraseWeight)
        && AllCapsBurstWeight.Equals(other.AllCapsBurstWeight) && CapsBurstWords == other.CapsBurstWords
        && ExclamationWeight.Equals(other.ExclamationWeight) && ExclamationThreshold == other.ExclamationThreshold
        && LongDigitStringWeight.Equals(other.LongDigitStringWeight) && LongDigitRun == other.LongDigitRun
        && RepetitionWeight.Equals(other.RepetitionWeight) && RepetitionThreshold == other.RepetitionThreshold
        && AutomatedThreshold.Equals(other.AutomatedThreshold)
        && PhraseLists.SameList(RequestPhrases, other.RequestPhrases) && PhraseLists.SameList(AcknowledgementPhrases, other.AcknowledgementPhrases)
        && PhraseLists.SameList(AutoReplyPhrases, other.AutoReplyPhrases) && PhraseLists.SameList(UnsubscribePhrases, other.UnsubscribePhrases)
        && PhraseLists.SameList(PromotionalPhrases, other.PromotionalPhrases);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(QuestionWeight, AutoReplyWeight, AutomatedThreshold, RequestPhrases?.Count, PromotionalPhrases?.Count);

    private static bool Weight(double w) => w >= 0 && double.IsFinite(w);

    private static string? BadPhrase(IReadOnlyList<string>? phrases) => PhraseLists.Problem(phrases);
}
