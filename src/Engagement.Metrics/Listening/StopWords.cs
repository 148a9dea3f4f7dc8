namespace Engagement.Metrics.Listening;

/// <summary>
/// The English and Spanish stop words of theme extraction: function words (articles, pronouns, prepositions,
/// conjunctions, auxiliaries, common adverbs) that carry no theme of their own.
/// </summary>
/// <remarks>
/// Origin: written for this library from the closed word classes of each language's grammar, plus the filler words
/// of customer messages ("hi", "hola", "please", "gracias"); not copied from any published list. Words are stored
/// folded (lower case, accents removed, ñ kept, see <c>TextFolding</c>) because tokens are compared folded.
/// Negations ("not", "no", "never", "nunca") are deliberately <em>not</em> stop words: "not working" and "no funciona"
/// are themes.
/// </remarks>
internal static class StopWords
{
    public static readonly string[] English =
    [
        "a", "about", "above", "after", "again", "all", "also", "am", "an", "and", "any", "are", "as", "at",
        "be", "because", "been", "before", "being", "below", "between", "both", "but", "by",
        "can", "could", "did", "do", "does", "doing", "done", "down", "during", "each", "even", "ever", "every",
        "few", "for", "from", "further", "get", "got", "had", "has", "have", "having", "he", "her", "here", "hers",
        "herself", "hey", "hi", "him", "himself", "his", "how", "i", "i'm", "i've", "i'd", "i'll", "if", "in", "into",
        "is", "it", "it's", "its", "itself", "just", "let", "me", "more", "most", "much", "my", "myself",
        "now", "of", "off", "on", "once", "only", "or", "other", "our", "ours", "ourselves", "out", "over", "own",
        "please", "pls", "same", "she", "should", "so", "some", "still", "such", "than", "that", "that's", "the",
        "their", "theirs", "them", "themselves", "then", "there", "these", "they", "this", "those", "through", "to",
        "too", "under", "until", "up", "us", "very", "was", "we", "were", "what", "when", "where", "which", "while",
        "who", "whom", "why", "will", "with", "would", "you", "you're", "your", "yours", "yourself", "yourselves",
        "thanks", "thank", "ok", "okay", "yes", "yet", "via", "rt", "amp", "since", "tbh", "anyone", "else",
    ];

    public static readonly string[] Spanish =
    [
        "a", "al", "algo", "algun", "alguna", "algunas", "alguno", "algunos", "ante", "antes", "aqui", "asi", "aun",
        "bien", "cada", "como", "con", "contra", "cual", "cuales", "cuando", "de", "del", "desde", "donde", "dos",
        "el", "ella", "ellas", "ellos", "en", "entre", "era", "eran", "es", "esa", "esas", "ese", "eso", "esos",
        "esta", "estaba", "estado", "estan", "estar", "estas", "este", "esto", "estos", "estoy", "fue", "fueron",
        "ha", "habia", "han", "has", "hasta", "hay", "he", "hola", "hoy", "la", "las", "le", "les", "lo", "los",
        "mas", "me", "mi", "mis", "mucho", "muy", "nos", "nosotros", "o", "os", "para", "pero", "poco", "por",
        "porque", "que", "quien", "se", "sea", "ser", "si", "sido", "sin", "sobre", "son", "soy", "su", "sus",
        "tambien", "te", "tengo", "ti", "tiene", "tienen", "todo", "todos", "tu", "tus", "un", "una", "unas",
        "uno", "unos", "usted", "ustedes", "vez", "y", "ya", "yo", "gracias", "favor", "ahora", "tras", "mientras",
        "otra", "otro", "otros", "otras", "mismo", "misma", "vuestro", "nuestra", "nuestro", "ese", "aquel",
    ];
}
