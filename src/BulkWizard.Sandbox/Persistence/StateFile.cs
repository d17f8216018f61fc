using System.Text.Json;

namespace BulkWizard.Sandbox.Persistence;

/// <summary>
/// The optional data file: read once on start, rewritten after every write through a temporary
/// file and a rename, so a crash never leaves half a file behind.
/// </summary>
internal sealed class StateFile(string path)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public string Path { get; } = System.IO.Path.GetFullPath(path);

    public StateSnapshot? Load()
    {
        if (!File.Exists(Path))
        {
            return null;
        }

        using var stream = File.OpenRead(Path);
        return JsonSerializer.Deserialize<StateSnapshot>(stream, Json)
            ?? throw new InvalidDataException($"The Sandbox data file {Path} is empty.");
    }

    public void Save(StateSnapshot snapshot)
    {
        var directory = System.IO.Path.GetDirectoryName(Path)!;
        Directory.CreateDirectory(directory);
        var temp = System.IO.Path.Combine(directory, "." + System.IO.Path.GetFileName(Path) + "." + Guid.NewGuid().ToString("N") + ".tmp");
        using (var stream = File.Create(temp))
        {
            JsonSerializer.Serialize(stream, snapshot, Json);
        }

        File.Move(temp, Path, overwrite: true);
    }
}
