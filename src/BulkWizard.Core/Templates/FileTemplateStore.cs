using System.Text.Json;
using BulkWizard.Core.Storage;

namespace BulkWizard.Core.Templates;

/// <summary>
/// Templates as JSON files under <c>templates/</c> of the data directory (beside <c>backups/</c>), one per name, with the
/// built-in ones in front. Names are checked before any path is made of them.
/// </summary>
public sealed class FileTemplateStore(DataDirectory dataDirectory)
{
    /// <summary>Saves a template; an existing one of that name is replaced only when <paramref name="replace"/> is true.</summary>
    /// <exception cref="TemplateException">The name is not allowed, belongs to a built-in template, or is taken.</exception>
    public async Task SaveAsync(OperationTemplate template, bool replace, CancellationToken cancellationToken)
    {
        var path = PathOf(template.Name);
        if (BuiltInTemplates.Find(template.Name) is not null)
        {
            throw new TemplateException($"name: '{template.Name}' is a built-in template; choose another name.");
        }

        if (!replace && File.Exists(path))
        {
            throw new TemplateException($"name: a template '{template.Name}' exists already; pass replace: true to replace it, or choose another name.");
        }

        dataDirectory.EnsureFolder(dataDirectory.TemplatesPath);
        await AtomicFile.WriteJsonAsync(path, template with { BuiltIn = false }, cancellationToken);
    }

    /// <summary>The template of that name (built-in or saved); null when there is none.</summary>
    /// <exception cref="TemplateException">The name is not allowed.</exception>
    public async Task<OperationTemplate?> FindAsync(string name, CancellationToken cancellationToken)
    {
        var path = PathOf(name);
        if (BuiltInTemplates.Find(name) is { } builtIn)
        {
            return builtIn;
        }

        if (!File.Exists(path))
        {
            return null;
        }

        await using var file = File.OpenRead(path);
        return await JsonSerializer.DeserializeAsync<OperationTemplate>(file, StorageJson.Options, cancellationToken);
    }

    /// <summary>The built-in templates, then the saved ones, newest first.</summary>
    public async Task<IReadOnlyList<OperationTemplate>> ListAsync(CancellationToken cancellationToken)
    {
        var saved = new List<OperationTemplate>();
        if (Directory.Exists(dataDirectory.TemplatesPath))
        {
            foreach (var path in Directory.EnumerateFiles(dataDirectory.TemplatesPath, "*.json"))
            {
                if (TemplateName.Problem(Path.GetFileNameWithoutExtension(path)) is null
                    && await FindAsync(Path.GetFileNameWithoutExtension(path), cancellationToken) is { } template)
                {
                    saved.Add(template);
                }
            }
        }

        return [.. BuiltInTemplates.All, .. saved.OrderByDescending(t => t.CreatedAt).ThenBy(t => t.Name, StringComparer.Ordinal)];
    }

    private string PathOf(string name) => TemplateName.Problem(name) is { } problem
        ? throw new TemplateException(problem)
        : Path.Combine(dataDirectory.TemplatesPath, name + ".json");
}
