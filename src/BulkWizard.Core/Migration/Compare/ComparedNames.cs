using BulkWizard.Core.Registry;
using BulkWizard.Core.Selection;

namespace BulkWizard.Core.Migration.Compare;

/// <summary>
/// The subject names a comparison covers: those the pattern selects in the source context, and the same names in the
/// target context, whatever that context is called, so a context mapped to another one compares name by name.
/// </summary>
public sealed class ComparedNames
{
    private readonly SubjectPattern _pattern;
    private readonly string _context;

    private ComparedNames(SubjectPattern pattern, string context)
    {
        _pattern = pattern;
        _context = context;
    }

    /// <summary>Unqualified terms select in <paramref name="sourceContext"/> (see <see cref="SubjectPattern.Within"/>).</summary>
    /// <exception cref="ArgumentException">A term names a context other than the source context.</exception>
    public static ComparedNames Of(SubjectPattern pattern, string sourceContext)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        return new(pattern.Within(sourceContext), sourceContext);
    }

    public bool Contains(string name) => _pattern.Matches(new QualifiedSubject(_context, name));
}
