namespace Engagement.Metrics.Sentiment;

/// <summary>
/// The word classes of the rules (negators, boosters, dampeners, contrast markers) and the constants of VADER
/// (Hutto &amp; Gilbert 2014, §3.2 "heuristics"), with our Spanish counterparts. Keys are folded (lower case,
/// accents removed except ñ).
/// </summary>
internal static class SentimentRules
{
    /// <summary>Booster increment added in the direction of the valence (VADER's B_INCR; a dampener subtracts it).</summary>
    public const double BoosterIncrement = 0.293;

    /// <summary>Emphasis of an ALL-CAPS sentiment word in a message that is not all caps (VADER's C_INCR).</summary>
    public const double CapsIncrement = 0.733;

    /// <summary>Multiplier of a negated valence (VADER's N_SCALAR).</summary>
    public const double NegationScalar = -0.74;

    /// <summary>Per exclamation mark, up to <see cref="MaxExclamations"/>.</summary>
    public const double ExclamationIncrement = 0.292;

    /// <summary>Exclamation marks counted at most.</summary>
    public const int MaxExclamations = 4;

    /// <summary>Per question mark when there are 2 or 3.</summary>
    public const double QuestionIncrement = 0.18;

    /// <summary>The question emphasis for 4 or more question marks.</summary>
    public const double QuestionCap = 0.96;

    /// <summary>Weight of sentiment before a contrast marker.</summary>
    public const double BeforeContrast = 0.5;

    /// <summary>Weight of sentiment after a contrast marker.</summary>
    public const double AfterContrast = 1.5;

    /// <summary>How many preceding words a negator or booster reaches (VADER: 3).</summary>
    public const int Window = 3;

    /// <summary>Booster scaling by distance 1, 2, 3 words (VADER: 1, 0.95, 0.9).</summary>
    public static ReadOnlySpan<double> DistanceScale => [1.0, 0.95, 0.9];

    public static readonly string[] EnglishNegators =
    [
        "not", "no", "never", "none", "nobody", "nothing", "neither", "nor", "nowhere", "cannot", "without",
        "rarely", "seldom", "no one", "aint", "arent", "cant", "couldnt", "didnt", "doesnt", "dont", "hadnt",
        "hasnt", "havent", "isnt", "mightnt", "mustnt", "neednt", "shant", "shouldnt", "wasnt", "werent", "wont",
        "wouldnt",
    ];

    public static readonly string[] EnglishBoosters =
    [
        "absolutely", "amazingly", "awfully", "completely", "considerably", "decidedly", "deeply", "enormously",
        "entirely", "especially", "exceptionally", "extremely", "fully", "greatly", "highly", "hugely",
        "incredibly", "intensely", "particularly", "purely", "quite", "really", "remarkably", "so", "such",
        "substantially", "thoroughly", "totally", "tremendously", "truly", "unbelievably", "utterly", "very",
        "super", "more", "most", "too", "seriously", "terribly",
    ];

    public static readonly string[] EnglishDampeners =
    [
        "almost", "barely", "hardly", "kind of", "kinda", "less", "little", "marginally", "occasionally", "partly",
        "scarcely", "slightly", "somewhat", "sort of", "sorta", "a bit", "a little",
    ];

    public static readonly string[] EnglishContrast = ["but", "however"];

    public static readonly string[] SpanishNegators =
    [
        "no", "nunca", "jamas", "ni", "tampoco", "sin", "nadie", "nada", "ningun", "ninguno", "ninguna",
    ];

    public static readonly string[] SpanishBoosters =
    [
        "muy", "mucho", "muchisimo", "muchisima", "super", "demasiado", "demasiada", "tan", "tanto", "bastante",
        "realmente", "totalmente", "completamente", "absolutamente", "extremadamente", "increiblemente",
        "sumamente", "enormemente", "especialmente", "altamente", "verdaderamente", "mas", "terriblemente",
    ];

    public static readonly string[] SpanishDampeners =
    [
        "poco", "algo", "casi", "ligeramente", "medio", "un poco", "un poquito", "apenas",
    ];

    public static readonly string[] SpanishContrast = ["pero", "sin embargo", "no obstante"];

    /// <summary>Function words that vote for English in language detection.</summary>
    public static readonly string[] EnglishHints =
    [
        "the", "and", "is", "to", "my", "you", "it", "i", "for", "of", "was", "this", "have", "not", "with", "me",
        "be", "are", "your", "still", "please", "thanks", "thank", "what", "when", "why", "can", "we", "an", "in",
        "on", "at", "that", "so", "but", "just", "been", "has", "had", "will", "would", "could", "do", "does",
        "did", "don't", "i'm", "it's", "very", "they", "our", "from", "how", "there", "here", "all", "get", "got",
        "again", "would", "which", "where", "about", "after", "hi", "hello", "yes", "really", "great", "good",
    ];

    /// <summary>Function words that vote for Spanish in language detection.</summary>
    public static readonly string[] SpanishHints =
    [
        "el", "la", "los", "las", "de", "del", "que", "y", "en", "un", "una", "por", "con", "mi", "mis", "es",
        "se", "lo", "para", "pero", "muy", "al", "su", "ya", "esta", "este", "esto", "estoy", "gracias", "hola",
        "sigo", "han", "ha", "hay", "os", "nos", "le", "les", "como", "cuando", "donde", "porque", "pedido",
        "todo", "nada", "nadie", "sin", "tengo", "quiero", "puedo", "vez", "otra", "vale", "bien", "mal", "buen",
        "bueno", "usted", "ustedes", "vosotros", "tambien", "dia", "hoy", "manana", "ni", "mas", "fue", "son",
        "sus", "yo", "tu", "te", "si", "desde", "hasta", "cuenta", "ahora",
    ];
}
