namespace BulkWizard.Core.Backups;

/// <summary>
/// The parts of a scope's state a change can touch, and so what a backup of it holds: its own config, its own
/// mode, and (for a subject) its versions. A backup entry says which parts it captured; a part it did not
/// capture is unknown, never "empty".
/// </summary>
[Flags]
public enum ScopeParts
{
    None = 0,
    Config = 1,
    Mode = 2,
    Versions = 4,
    All = Config | Mode | Versions,
}
