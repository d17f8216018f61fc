namespace BulkWizard.Compatibility.Avro;

/// <summary>
/// Can data written with one schema be read with another? Avro's schema-resolution rules, as Java's
/// <c>SchemaCompatibility</c> applies them: field matching by name or reader alias, defaults for
/// missing fields, numeric and string/bytes promotions, enum symbols, fixed sizes, unions branch by branch.
/// </summary>
internal sealed class AvroReadability
{
    private readonly string readerLabel;
    private readonly string writerLabel;
    private readonly HashSet<(AvroType Reader, AvroType Writer)> inProgress = [];
    private readonly List<string> messages = [];

    private AvroReadability(string readerLabel, string writerLabel)
    {
        this.readerLabel = readerLabel;
        this.writerLabel = writerLabel;
    }

    /// <summary>Violations found when <paramref name="reader"/> reads data written with <paramref name="writer"/>.</summary>
    public static IReadOnlyList<string> Violations(AvroType reader, AvroType writer, string readerLabel, string writerLabel)
    {
        var check = new AvroReadability(readerLabel, writerLabel);
        check.Check(reader, writer, "/");
        return check.messages;
    }

    private bool Check(AvroType reader, AvroType writer, string path)
    {
        // Recursive types: a pair already being compared is assumed readable, as Avro does.
        if (!inProgress.Add((reader, writer)))
        {
            return true;
        }

        try
        {
            return CheckPair(reader, writer, path);
        }
        finally
        {
            inProgress.Remove((reader, writer));
        }
    }

    private bool CheckPair(AvroType reader, AvroType writer, string path)
    {
        if (writer is AvroUnion writerUnion)
        {
            var ok = true;
            for (var i = 0; i < writerUnion.Branches.Count; i++)
            {
                ok &= Check(reader, writerUnion.Branches[i], path);
            }

            return ok;
        }

        if (reader is AvroUnion readerUnion)
        {
            if (readerUnion.Branches.Any(branch => Probe(branch, writer, path)))
            {
                return true;
            }

            return Fail("MISSING_UNION_BRANCH",
                $"The {readerLabel} schema is missing a type inside a union field at path '{path}' in the {writerLabel} schema",
                $"reader union lacking writer type: {writer.TypeName.ToUpperInvariant()}");
        }

        return (reader, writer) switch
        {
            (AvroPrimitive r, AvroPrimitive w) => Promotable(w.Name, r.Name) || TypeMismatch(reader, writer, path),
            (AvroRecord r, AvroRecord w) => NameMatches(r, w, path) && CheckFields(r, w, path),
            (AvroEnum r, AvroEnum w) => NameMatches(r, w, path) && CheckSymbols(r, w, path),
            (AvroFixed r, AvroFixed w) => NameMatches(r, w, path) && (r.Size == w.Size || Fail("FIXED_SIZE_MISMATCH",
                $"The size of FIXED type field at path '{path}' in the {readerLabel} schema does not match with the {writerLabel} schema",
                $"expected: {w.Size}, found: {r.Size}")),
            (AvroArray r, AvroArray w) => Check(r.Items, w.Items, path + "items/"),
            (AvroMap r, AvroMap w) => Check(r.Values, w.Values, path + "values/"),
            _ => TypeMismatch(reader, writer, path),
        };
    }

    /// <summary>Checks without reporting: a union branch that does not fit is not itself a violation.</summary>
    private bool Probe(AvroType reader, AvroType writer, string path)
    {
        var mark = messages.Count;
        var ok = Check(reader, writer, path);
        messages.RemoveRange(mark, messages.Count - mark);
        return ok;
    }

    private bool CheckFields(AvroRecord reader, AvroRecord writer, string path)
    {
        var ok = true;
        for (var i = 0; i < reader.Fields.Count; i++)
        {
            var field = reader.Fields[i];
            var fieldPath = $"{path}fields/{i}/";
            var source = writer.FindField(field.Name)
                ?? field.Aliases.Select(writer.FindField).FirstOrDefault(f => f is not null);
            if (source is not null)
            {
                ok &= Check(field.Type, source.Type, fieldPath + "type/");
            }
            else if (!field.HasDefault)
            {
                ok = Fail("READER_FIELD_MISSING_DEFAULT_VALUE",
                    $"The field '{field.Name}' at path '{fieldPath.TrimEnd('/')}' in the {readerLabel} schema has no default value and is missing in the {writerLabel} schema",
                    field.Name);
            }
        }

        return ok;
    }

    private bool CheckSymbols(AvroEnum reader, AvroEnum writer, string path)
    {
        var missing = writer.Symbols.Where(s => !reader.Symbols.Contains(s)).ToList();
        return missing.Count == 0 || reader.DefaultSymbol is not null || Fail("MISSING_ENUM_SYMBOLS",
            $"The {readerLabel} schema is missing enum symbols '[{string.Join(", ", missing)}]' at path '{path}symbols' in the {writerLabel} schema",
            $"[{string.Join(", ", missing)}]");
    }

    private bool NameMatches(AvroNamedType reader, AvroNamedType writer, string path)
    {
        if (string.Equals(reader.Name, writer.Name, StringComparison.Ordinal)
            || reader.Aliases.Any(a => string.Equals(a, writer.Name, StringComparison.Ordinal)
                || string.Equals(a, writer.FullName, StringComparison.Ordinal)))
        {
            return true;
        }

        return Fail("NAME_MISMATCH",
            $"The type name at path '{path}name' in the {readerLabel} schema does not match the {writerLabel} schema",
            $"expected: {writer.FullName}");
    }

    private bool TypeMismatch(AvroType reader, AvroType writer, string path) =>
        Fail("TYPE_MISMATCH",
            $"The type (path '{path}') of a field in the {readerLabel} schema does not match with the {writerLabel} schema",
            $"reader type: {reader.TypeName.ToUpperInvariant()} not compatible with writer type: {writer.TypeName.ToUpperInvariant()}");

    /// <summary>Avro's promotions: int→long/float/double, long→float/double, float→double, string↔bytes.</summary>
    private static bool Promotable(string writer, string reader) =>
        writer == reader || (writer, reader) switch
        {
            ("int", "long" or "float" or "double") => true,
            ("long", "float" or "double") => true,
            ("float", "double") => true,
            ("string", "bytes") or ("bytes", "string") => true,
            _ => false,
        };

    private bool Fail(string errorType, string description, string additionalInfo)
    {
        messages.Add($"{{errorType:'{errorType}', description:'{description}', additionalInfo:'{additionalInfo}'}}");
        return false;
    }
}
