using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using BulkWizard.Core.Wizard;
using Spectre.Console;

namespace BulkWizard.Server.Terminal;

/// <summary>
/// Asks a wizard <see cref="Question"/> at the terminal, field by field, and returns the raw answers by field key for the
/// wizard to check (the same checks as a form's content); null when the person cancels (typing <c>cancel</c>, Ctrl+C, or
/// the end of the input). With a keyboard, choices are Spectre selection lists; with input redirected (a script, a
/// test), every field is one typed line, a choice by its number or value.
/// </summary>
internal sealed class TerminalQuestions(IAnsiConsole console, TextReader? lines)
{
    public const string CancelWord = "cancel";
    private static readonly ChoiceOption CancelOption = new("\0cancel", "Cancel the wizard");

    /// <summary>Whether prompts read keys (selection lists) rather than lines.</summary>
    public bool ReadsKeys => lines is null;

    public async Task<JsonObject?> AskAsync(Question question, string message, CancellationToken cancellationToken)
    {
        console.WriteLine();
        console.Write(new Rule().RuleStyle("grey"));
        console.MarkupLineInterpolated($"[bold]{message}[/]");
        var answers = new JsonObject();
        foreach (var field in question.Fields)
        {
            var answer = await AskFieldAsync(field, cancellationToken);
            if (answer is Answer.Cancelled)
            {
                return null;
            }

            if (answer is Answer.Given given)
            {
                answers[field.Key] = given.Value;
            }
        }

        return answers;
    }

    private async Task<Answer> AskFieldAsync(Field field, CancellationToken cancellationToken)
    {
        if (field.Description is { Length: > 0 } description && field.Kind != FieldKind.TypedConfirmation)
        {
            console.MarkupLineInterpolated($"[grey]{description}[/]");
        }

        return field.Kind switch
        {
            FieldKind.Choice when ReadsKeys => await SelectAsync(field, cancellationToken),
            FieldKind.MultiChoice when ReadsKeys => await SelectManyAsync(field, cancellationToken),
            FieldKind.Choice or FieldKind.MultiChoice => await TypeChoiceAsync(field, cancellationToken),
            _ => await TypeAsync(field, cancellationToken),
        };
    }

    private async Task<Answer> SelectAsync(Field field, CancellationToken cancellationToken)
    {
        var prompt = new SelectionPrompt<ChoiceOption>()
            .Title(Markup.Escape(field.Title))
            .PageSize(12)
            .UseConverter(Label)
            .AddChoices(Ordered(field))
            .AddChoices(CancelOption);
        var chosen = await prompt.ShowAsync(console, cancellationToken);
        if (chosen == CancelOption)
        {
            return new Answer.Cancelled();
        }

        console.MarkupLineInterpolated($"{field.Title}: [bold]{chosen.Value}[/]");
        return new Answer.Given(JsonValue.Create(chosen.Value));
    }

    private async Task<Answer> SelectManyAsync(Field field, CancellationToken cancellationToken)
    {
        var prompt = new MultiSelectionPrompt<ChoiceOption>()
            .Title(Markup.Escape(field.Title) + " [grey](space to select, enter to accept; Ctrl+C cancels)[/]")
            .PageSize(12)
            .UseConverter(Label)
            .AddChoices(field.Options);
        var defaults = (field.Default as JsonArray)?.Select(v => v?.ToString()).ToHashSet() ?? [];
        foreach (var option in field.Options.Where(o => defaults.Contains(o.Value)))
        {
            prompt.Select(option);
        }

        var chosen = await prompt.ShowAsync(console, cancellationToken);
        console.MarkupLineInterpolated($"{field.Title}: [bold]{string.Join(", ", chosen.Select(c => c.Value))}[/]");
        return new Answer.Given(new JsonArray([.. chosen.Select(c => (JsonNode)JsonValue.Create(c.Value))]));
    }

    /// <summary>A choice typed as a line: the options numbered, the answer a number or a value (comma-separated for several).</summary>
    private async Task<Answer> TypeChoiceAsync(Field field, CancellationToken cancellationToken)
    {
        var options = field.Options;
        for (var i = 0; i < options.Count; i++)
        {
            var option = options[i];
            var words = string.Join(" — ", new[] { option.Title == option.Value ? null : option.Title, option.Description }.OfType<string>());
            console.MarkupLineInterpolated($"  {i + 1,2}. {option.Value}  [grey]{words}[/]");
        }

        var several = field.Kind == FieldKind.MultiChoice;
        var text = await ReadAsync($"{field.Title} ({(several ? "numbers or values, comma-separated" : "number or value")})", DefaultText(field.Default), required: true, cancellationToken);
        if (text is null)
        {
            return new Answer.Cancelled();
        }

        var values = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(v => int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 && n <= options.Count ? options[n - 1].Value : v)
            .ToList();
        return new Answer.Given(several
            ? new JsonArray([.. values.Select(v => (JsonNode)JsonValue.Create(v))])
            : JsonValue.Create(values.FirstOrDefault() ?? ""));
    }

    /// <summary>Text, numbers, yes/no and the typed YES: one line, checked by the wizard.</summary>
    private async Task<Answer> TypeAsync(Field field, CancellationToken cancellationToken)
    {
        var hint = field.Kind switch
        {
            FieldKind.Boolean => " (yes/no)",
            FieldKind.Number => $" ({field.AllowedText})",
            _ => "",
        };
        var text = await ReadAsync(field.Title + hint, field.Kind == FieldKind.TypedConfirmation ? null : DefaultText(field.Default), field.Required, cancellationToken);
        if (text is null)
        {
            return new Answer.Cancelled();
        }

        if (text.Length == 0)
        {
            return new Answer.Skipped();
        }

        return new Answer.Given(JsonValue.Create(field.Kind == FieldKind.Boolean ? YesNo(text) : text));
    }

    /// <summary>
    /// One line: the default when left empty, null when the person cancels. A required answer left empty without a
    /// default is asked again here (an optional one may stay empty: it is then not given).
    /// </summary>
    private async Task<string?> ReadAsync(string title, string? defaultText, bool required, CancellationToken cancellationToken)
    {
        while (true)
        {
            var line = await ReadLineAsync(title, defaultText, cancellationToken);
            if (line is null || line.Length > 0 || !required)
            {
                return line;
            }

            console.MarkupLineInterpolated($"[red]An answer is needed here; type {CancelWord} to stop.[/]");
        }
    }

    private async Task<string?> ReadLineAsync(string title, string? defaultText, CancellationToken cancellationToken)
    {
        string? line;
        if (lines is null)
        {
            var prompt = new TextPrompt<string>(Markup.Escape(title)).AllowEmpty();
            if (defaultText is not null)
            {
                prompt.DefaultValue(defaultText).ShowDefaultValue();
            }

            line = await prompt.ShowAsync(console, cancellationToken);
        }
        else
        {
            console.Markup(Markup.Escape(title) + (defaultText is null ? "" : $" [grey]({Markup.Escape(defaultText)})[/]") + ": ");

            // Console.In does not stop a blocked read for a token; the read is left behind when the person cancels.
            line = await Task.Run(lines.ReadLine, CancellationToken.None).WaitAsync(cancellationToken);
            console.WriteLine(line ?? "");
            if (line is null)
            {
                return null;
            }

            line = line.Trim();
            if (line.Length == 0 && defaultText is not null)
            {
                line = defaultText;
            }
        }

        return string.Equals(line.Trim(), CancelWord, StringComparison.OrdinalIgnoreCase) ? null : line.Trim();
    }

    private static string YesNo(string text) => text.ToUpperInvariant() switch
    {
        "Y" => "yes",
        "N" => "no",
        _ => text,
    };

    private static string? DefaultText(JsonNode? value) => value switch
    {
        null => null,
        JsonArray items => string.Join(", ", items.Select(i => i?.ToString())),
        JsonValue v when v.GetValueKind() is JsonValueKind.True => "yes",
        JsonValue v when v.GetValueKind() is JsonValueKind.False => "no",
        _ => value.ToString(),
    };

    /// <summary>The default first, so that enter takes it as in a form.</summary>
    private static IEnumerable<ChoiceOption> Ordered(Field field)
    {
        var preferred = field.Default?.ToString();
        return field.Options.OrderBy(o => o.Value == preferred ? 0 : 1);
    }

    private static string Label(ChoiceOption option) =>
        option.Description is { Length: > 0 } description
            ? $"{Markup.Escape(option.Title)} [grey]— {Markup.Escape(description)}[/]"
            : Markup.Escape(option.Title);

    private abstract record Answer
    {
        public sealed record Given(JsonNode Value) : Answer;

        public sealed record Skipped : Answer;

        public sealed record Cancelled : Answer;
    }
}
