namespace BulkWizard.Compatibility.Avro;

/// <summary>Avro name rules: <c>[A-Za-z_][A-Za-z0-9_]*</c>, namespaces are dot-separated names.</summary>
internal static class AvroNames
{
    public static bool IsValidName(string name)
    {
        if (name.Length == 0 || !(char.IsAsciiLetter(name[0]) || name[0] == '_'))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Splits "a.b.C" into ("C", "a.b"); a name without dots keeps the given namespace.</summary>
    public static (string Name, string? Space) Split(string name, string? space)
    {
        var dot = name.LastIndexOf('.');
        var (shortName, ns) = dot < 0 ? (name, space) : (name[(dot + 1)..], name[..dot]);
        ns = string.IsNullOrEmpty(ns) ? null : ns;
        if (!IsValidName(shortName))
        {
            throw new InvalidSchemaException($"Illegal name: {name}");
        }

        if (ns is not null && ns.Split('.').Any(part => !IsValidName(part)))
        {
            throw new InvalidSchemaException($"Illegal namespace: {ns}");
        }

        return (shortName, ns);
    }
}
