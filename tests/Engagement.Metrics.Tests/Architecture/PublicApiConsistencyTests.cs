using System.Reflection;
using System.Runtime.CompilerServices;
using Engagement.Metrics.Surveys;

namespace Engagement.Metrics.Tests.Architecture;

/// <summary>Guard-rails over the whole public surface (the NodaTime ConsistencyTest idea).</summary>
public class PublicApiConsistencyTests
{
    private static readonly Type[] PublicTypes = typeof(NetPromoterScore).Assembly.GetExportedTypes();

    [Fact]
    public void EveryPublicStruct_IsReadOnlyEquatableWithOperators()
    {
        foreach (Type type in PublicTypes.Where(t => t.IsValueType && !t.IsEnum))
        {
            Assert.True(type.IsDefined(typeof(IsReadOnlyAttribute)), $"{type.Name} should be a readonly struct");
            Assert.True(typeof(IEquatable<>).MakeGenericType(type).IsAssignableFrom(type), $"{type.Name} should implement IEquatable<{type.Name}>");
            Assert.NotNull(type.GetMethod("op_Equality", [type, type]));
            Assert.NotNull(type.GetMethod("op_Inequality", [type, type]));
        }
    }

    [Fact]
    public void EveryOptionsType_IsASealedRecordWithAValidatedDefault()
    {
        Type[] options = PublicTypes.Where(t => t.Name.EndsWith("Options", StringComparison.Ordinal)).ToArray();
        Assert.NotEmpty(options);
        foreach (Type type in options)
        {
            Assert.True(type.IsSealed, $"{type.Name} should be sealed");
            Assert.NotNull(type.GetMethod("<Clone>$")); // a record: value equality, `with` expressions
            object defaults = type.GetProperty("Default", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
            type.GetMethod("Validate")!.Invoke(defaults, null); // throws if the defaults were invalid
        }
    }

    [Fact]
    public void EveryConcreteAccumulator_IsSealed()
    {
        foreach (Type type in PublicTypes.Where(t => t.Name.EndsWith("Accumulator", StringComparison.Ordinal) && !t.IsAbstract && !t.IsGenericTypeDefinition))
        {
            Assert.True(type.IsSealed, $"{type.Name} should be sealed");
        }
    }

    [Fact]
    public void NoPublicPositionalRecords()
    {
        // CONVENTIONS §3: adding a member to a positional record breaks binary compatibility.
        foreach (Type type in PublicTypes.Where(t => t.GetMethod("<Clone>$") is not null))
        {
            Assert.Null(type.GetMethod("Deconstruct"));
        }
    }
}
