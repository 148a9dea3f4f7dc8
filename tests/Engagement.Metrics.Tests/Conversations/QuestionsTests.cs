using Engagement.Metrics.Conversations;

namespace Engagement.Metrics.Tests.Conversations;

public class QuestionsTests
{
    [Theory]
    [InlineData("", 0)]
    [InlineData("Thanks, all good.", 0)]
    [InlineData("Where is my order?", 1)]
    [InlineData("Where is my order??", 1)] // question sentences, not question marks
    [InlineData("What?! Again?", 2)]
    [InlineData("Hi. Why is it late. Can you check", 2)] // interrogative openers without '?' count once each
    [InlineData("What's the fee", 1)]
    [InlineData("Can't wait!", 0)] // a contraction of an auxiliary is not an opener
    [InlineData("I wonder if it shipped? Also the invoice.", 1)]
    [InlineData("...?", 0)] // no words, no question
    [InlineData("¿Cuánto cuesta el envío?", 1)]
    [InlineData("Hola, ¿dónde está mi pedido?", 1)]
    [InlineData("Sí, por favor. Cómo pago con tarjeta", 1)]
    [InlineData("como pago con tarjeta", 1)] // without accents
    [InlineData("Por qué tarda tanto. Porque lo necesito.", 1)] // "por qué" opens, "porque" (because) does not
    [InlineData("Que tengas buen día.", 0)] // unaccented "que" opens a wish
    [InlineData("QUÉ PASA CON MI PEDIDO", 1)]
    [InlineData("¿Me llamas?\n¿Cuándo?", 2)]
    public void Count_FollowsTheDocumentedRule(string text, int expected) => Assert.Equal(expected, Questions.Count(text));
}
