namespace BulkWizard.Bench.EndToEnd;

/// <summary>Where the built server, the built Sandbox and the Node reference server are, found from the bench's own folder.</summary>
internal sealed class BenchPaths
{
    private BenchPaths(string repositoryRoot, string configuration)
    {
        RepositoryRoot = repositoryRoot;
        Configuration = configuration;
    }

    public string RepositoryRoot { get; }

    /// <summary>The bench's build configuration; the server and Sandbox it runs are of the same one (they are built with it).</summary>
    public string Configuration { get; }

    public string ServerDll => Built("BulkWizard.Server");

    public string SandboxDll => Built("BulkWizard.Sandbox");

    /// <summary>The folder with the pinned <c>package.json</c> of the Node reference server.</summary>
    public string NodeFolder => Path.Combine(RepositoryRoot, "bench", "node");

    public static BenchPaths Find()
    {
        // .../bench/BulkWizard.Bench.EndToEnd/bin/<Configuration>/net10.0/
        var output = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory));
        var configuration = output.Parent?.Name ?? "Release";
        for (var folder = output; folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "BulkWizard.sln")))
            {
                return new BenchPaths(folder.FullName, configuration);
            }
        }

        throw new InvalidOperationException($"no BulkWizard.sln above {output.FullName}");
    }

    private string Built(string project)
    {
        var dll = Path.Combine(RepositoryRoot, "src", project, "bin", Configuration, "net10.0", project + ".dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"{dll} is missing: build with `dotnet build -c {Configuration} bench/BulkWizard.Bench.EndToEnd`.");
    }
}
