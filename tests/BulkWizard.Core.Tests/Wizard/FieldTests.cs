using System.Text.Json.Nodes;
using BulkWizard.Core.Wizard;

namespace BulkWizard.Core.Tests.Wizard;

public sealed class FieldTests
{
    private static readonly Field Level = new("compatibility", FieldKind.Choice, "Level")
    {
        Options = [new("FULL", "FULL"), new("NONE", "NONE")],
    };

    [Fact]
    public void Choice_AllowedValue_Stored()
    {
        Assert.Equal("FULL", Level.Validate(JsonValue.Create("FULL")).Value!.GetValue<string>());
    }

    [Fact]
    public void Choice_UnknownValue_ErrorNamesFieldAndAllowedValues()
    {
        Assert.Equal("compatibility: 'full' is not allowed: use one of FULL, NONE.", Level.Validate(JsonValue.Create("full")).Error);
    }

    [Fact]
    public void MultiChoice_CommaSeparatedText_StoredAsDistinctArray()
    {
        var field = Level with { Kind = FieldKind.MultiChoice };

        var value = field.Validate(JsonValue.Create("FULL, NONE, FULL")).Value as JsonArray;

        Assert.Equal(["FULL", "NONE"], value!.Select(v => v!.GetValue<string>()));
    }

    [Fact]
    public void MultiChoice_OneUnknown_RefusedWhole()
    {
        var field = Level with { Kind = FieldKind.MultiChoice };

        Assert.Equal("compatibility: 'BOTH' is not allowed: use one of FULL, NONE (one or more).",
            field.Validate(new JsonArray("FULL", "BOTH")).Error);
    }

    [Theory]
    [InlineData("50", true)]
    [InlineData("0", false)]
    [InlineData("1001", false)]
    [InlineData("2.5", false)]
    [InlineData("many", false)]
    public void Number_RangeAndWholeness_Checked(string raw, bool valid)
    {
        var field = new Field("batch_size", FieldKind.Number, "Batch size") { Minimum = 1, Maximum = 1000, WholeNumber = true };

        var result = field.Validate(JsonValue.Create(raw));

        Assert.Equal(valid, result.IsValid);
        if (!valid)
        {
            Assert.EndsWith("is not allowed: use a whole number from 1 to 1000.", result.Error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Number_JsonNumbersOfAnyClrType_Accepted()
    {
        var field = new Field("keep_last", FieldKind.Number, "Keep") { Minimum = 1, Maximum = int.MaxValue, WholeNumber = true };

        Assert.Equal(3, field.Validate(JsonValue.Create(3)).Value!.GetValue<double>());
        Assert.Equal(3, field.Validate(JsonValue.Create(3L)).Value!.GetValue<double>());
        Assert.Equal(3, field.Validate(JsonNode.Parse("3")).Value!.GetValue<double>());
        Assert.False(field.Validate(JsonValue.Create(2.5m)).IsValid);
    }

    [Theory]
    [InlineData("YES", true)]
    [InlineData("yes", false)]
    [InlineData(" YES", false)]
    [InlineData("Y", false)]
    public void TypedConfirmation_OnlyExactText(string typed, bool valid)
    {
        var field = new Field("confirmation", FieldKind.TypedConfirmation, "Type YES") { Expected = "YES" };

        Assert.Equal(valid, field.Validate(JsonValue.Create(typed)).IsValid);
    }

    [Fact]
    public void Boolean_AcceptsJsonBooleanAndWords()
    {
        var field = new Field("view_details", FieldKind.Boolean, "View details");

        Assert.True(field.Validate(JsonValue.Create(true)).Value!.GetValue<bool>());
        Assert.False(field.Validate(JsonValue.Create("no")).Value!.GetValue<bool>());
        Assert.Equal("view_details: '\"perhaps\"' is not allowed: use true or false.", field.Validate(JsonValue.Create("perhaps")).Error);
    }
}
