using System.Text.Json.Nodes;
using BulkWizard.Sandbox.Http;

namespace BulkWizard.Sandbox.Store;

/// <summary>
/// GET/PUT/DELETE of mode at a scope key. Switching to IMPORT (without force, and unless the scope
/// already is in IMPORT) needs a scope without live versions and hard-deletes its soft-deleted ones.
/// </summary>
internal sealed class ModeCommands(RegistryCore core)
{
    public JsonObject Get(string scope, bool defaultToGlobal)
    {
        if (core.State.Modes.TryGetValue(scope, out var mode) || defaultToGlobal || scope.Length == 0)
        {
            return new JsonObject { ["mode"] = mode ?? core.Scopes.EffectiveMode(scope) };
        }

        throw RegistryErrors.SubjectLevelModeNotFound(scope);
    }

    public JsonObject Put(string scope, JsonObject body, bool force)
    {
        var sent = body["mode"];
        if (sent is null)
        {
            core.State.Modes.Remove(scope);
            return new JsonObject { ["mode"] = null };
        }

        var text = sent is JsonValue v && v.TryGetValue<string>(out var s) ? s : string.Empty;
        var isGlobal = scope.Length == 0 || scope == ScopeResolver.GlobalScope;
        var mode = RegistryModes.Parse(text, core.Profile != SandboxProfile.Platform76)
            ?? throw RegistryErrors.InvalidMode("Invalid mode. Valid values are READWRITE, READONLY, READONLY_OVERRIDE, and IMPORT.");
        if (mode == RegistryModes.Forward && !isGlobal)
        {
            throw RegistryErrors.InvalidMode("Mode FORWARD is only supported at the global level");
        }

        if (mode == RegistryModes.Import && !force && core.Scopes.EffectiveMode(scope) != RegistryModes.Import)
        {
            var subjects = SubjectsInScope(scope, isGlobal);
            if (subjects.Any(s => s.HasLive))
            {
                throw RegistryErrors.OperationNotPermitted("Cannot import since found existing subjects");
            }

            new Deletion(core).PurgeSoftDeleted(subjects);
        }

        core.State.Modes[scope] = mode;
        return new JsonObject { ["mode"] = text };
    }

    public JsonObject Delete(string scope, bool recursive)
    {
        var name = QualifiedSubject.Parse(scope);
        if (recursive && name.Name.Length == 0)
        {
            foreach (var subject in core.State.SubjectsIn(name.Context))
            {
                core.State.Modes.Remove(subject.Key);
            }
        }

        if (!core.State.Modes.Remove(scope, out var old))
        {
            return scope.Length == 0
                ? new JsonObject { ["mode"] = RegistryModes.ReadWrite }
                : throw RegistryErrors.SubjectNotFound(scope);
        }

        return new JsonObject { ["mode"] = old };
    }

    private List<SubjectState> SubjectsInScope(string scope, bool isGlobal)
    {
        if (isGlobal)
        {
            return core.State.Subjects.Values.ToList();
        }

        var name = QualifiedSubject.Parse(scope);
        if (name.Name.Length == 0 && !name.IsDefaultContext)
        {
            return core.State.SubjectsIn(name.Context).ToList();
        }

        return core.State.Subject(scope) is { } subject ? [subject] : [];
    }
}
