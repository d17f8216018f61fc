namespace BulkWizard.Core.SchemaUpdate;

/// <summary>The level and mode a context (or the registry) hands down to subjects without their own, and where each comes from.</summary>
internal sealed record ScopeSettings(string Level, string LevelSource, string Mode, string ModeSource);
