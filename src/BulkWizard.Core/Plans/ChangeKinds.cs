using System.Reflection;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace BulkWizard.Core.Plans;

/// <summary>
/// The kinds of change a plan can hold, by the name written as <c>"kind"</c>. Every <see cref="ChangeKindAttribute"/>
/// type of this assembly is found on first use, so an operation adds a change kind in its own folder; a kind from
/// another assembly registers with <see cref="Register{T}"/> before the first plan is read or written.
/// </summary>
public static class ChangeKinds
{
    private static readonly Lock Gate = new();
    private static readonly Dictionary<string, Type> ByName = Discover(typeof(PlannedChange).Assembly);
    private static bool _inUse;

    /// <exception cref="InvalidOperationException">The type has no <see cref="ChangeKindAttribute"/>, the name is taken, or plans were already read or written.</exception>
    public static void Register<T>()
        where T : PlannedChange
    {
        var name = typeof(T).GetCustomAttribute<ChangeKindAttribute>()?.Name
            ?? throw new InvalidOperationException($"{typeof(T).Name} has no [ChangeKind] name.");
        lock (Gate)
        {
            if (ByName.TryGetValue(name, out var known))
            {
                if (known != typeof(T))
                {
                    throw new InvalidOperationException($"Change kind '{name}' is taken by {known.Name}.");
                }

                return;
            }

            if (_inUse)
            {
                throw new InvalidOperationException($"Change kind '{name}' was registered after plans were read or written; register it at start-up.");
            }

            ByName[name] = typeof(T);
        }
    }

    /// <summary>The resolver step that tells the serializer every known kind of <see cref="PlannedChange"/>.</summary>
    internal static void DescribePolymorphism(JsonTypeInfo info)
    {
        if (info.Type != typeof(PlannedChange))
        {
            return;
        }

        var options = new JsonPolymorphismOptions { TypeDiscriminatorPropertyName = "kind", UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization };
        lock (Gate)
        {
            _inUse = true;
            foreach (var (name, type) in ByName.OrderBy(k => k.Key, StringComparer.Ordinal))
            {
                options.DerivedTypes.Add(new JsonDerivedType(type, name));
            }
        }

        info.PolymorphismOptions = options;
    }

    private static Dictionary<string, Type> Discover(Assembly assembly) =>
        assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(PlannedChange)) && !t.IsAbstract)
            .Select(t => (Type: t, Kind: t.GetCustomAttribute<ChangeKindAttribute>()))
            .Where(k => k.Kind is not null)
            .ToDictionary(k => k.Kind!.Name, k => k.Type, StringComparer.Ordinal);
}
