namespace BulkWizard.Core.SchemaUpdate.Metadata;

/// <summary>The checks of <see cref="MetadataEdit.Validate"/>: each problem names the field (snake_case, as the tools take it) and what to do.</summary>
internal static class MetadataEditValidation
{
    public static string? FirstProblem(MetadataEdit edit)
    {
        // Deserialized requests may carry an explicit null where an empty list or map is meant.
        object?[] members = [edit.SetProperties, edit.RemoveProperties, edit.AddTags, edit.SetTags, edit.RemoveTags];
        string[] names = ["set_properties", "remove_properties", "add_tags", "set_tags", "remove_tags"];
        if (Array.IndexOf(members, null) is var missing and >= 0)
        {
            return $"{names[missing]}: give a list or map, or leave it out; null is not accepted.";
        }

        if (edit.SetProperties.Count + edit.RemoveProperties.Count + edit.AddTags.Count + edit.SetTags.Count + edit.RemoveTags.Count == 0)
        {
            return "metadata: nothing to change; give set_properties, remove_properties, add_tags, set_tags or remove_tags.";
        }

        foreach (var (key, value) in edit.SetProperties)
        {
            if (KeyProblem("set_properties", key) is { } problem)
            {
                return problem;
            }

            if (value is null)
            {
                return $"set_properties.{key}: a value is required (remove_properties removes a key).";
            }
        }

        foreach (var key in edit.RemoveProperties)
        {
            if (KeyProblem("remove_properties", key) is { } problem)
            {
                return problem;
            }

            if (edit.SetProperties.ContainsKey(key))
            {
                return $"remove_properties: '{key}' is also in set_properties; set it or remove it, not both.";
            }
        }

        return TagListProblem("add_tags", edit.AddTags) ?? TagListProblem("set_tags", edit.SetTags) ?? TagPathsProblem(edit);
    }

    private static string? KeyProblem(string field, string key)
    {
        if (string.IsNullOrWhiteSpace(key))
        {
            return $"{field}: a property key is empty.";
        }

        return key.StartsWith(MetadataEdit.ReservedPrefix, StringComparison.Ordinal)
            ? $"{field}: '{key}' is reserved by the registry (keys starting with '{MetadataEdit.ReservedPrefix}')."
            : null;
    }

    private static string? TagListProblem(string field, IReadOnlyDictionary<string, IReadOnlyList<string>> lists)
    {
        foreach (var (path, tags) in lists)
        {
            if (string.IsNullOrWhiteSpace(path))
            {
                return $"{field}: a schema path is empty.";
            }

            if (tags is null || tags.Count == 0)
            {
                return $"{field}.{path}: give at least one tag (remove_tags clears a path).";
            }

            if (tags.Any(string.IsNullOrWhiteSpace))
            {
                return $"{field}.{path}: a tag name is empty.";
            }
        }

        return null;
    }

    private static string? TagPathsProblem(MetadataEdit edit)
    {
        if (edit.AddTags.Keys.FirstOrDefault(edit.SetTags.ContainsKey) is { } both)
        {
            return $"add_tags: '{both}' is also in set_tags; add to its tags or replace them, not both.";
        }

        foreach (var path in edit.RemoveTags)
        {
            if (string.IsNullOrWhiteSpace(path))
            {
                return "remove_tags: a schema path is empty.";
            }

            if (edit.AddTags.ContainsKey(path) || edit.SetTags.ContainsKey(path))
            {
                return $"remove_tags: '{path}' is also in {(edit.AddTags.ContainsKey(path) ? "add_tags" : "set_tags")}; change its tags or remove them, not both.";
            }
        }

        return null;
    }
}
