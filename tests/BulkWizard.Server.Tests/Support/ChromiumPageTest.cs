namespace BulkWizard.Server.Tests.Support;

/// <summary>
/// A test class with its own headless Chromium (when installed; <see cref="ChromiumFactAttribute"/> skips otherwise)
/// and a temporary folder for the pages it opens, both gone when the class's tests end.
/// </summary>
public abstract class ChromiumPageTest(string folderPrefix) : IAsyncLifetime
{
    protected static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    private HeadlessChromium? _browser;

    protected string Folder { get; } = Directory.CreateTempSubdirectory(folderPrefix).FullName;

    protected DevToolsPage Page => _browser!.Page;

    public async Task InitializeAsync()
    {
        if (HeadlessChromium.IsInstalled)
        {
            _browser = await HeadlessChromium.StartAsync();
        }
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        Directory.Delete(Folder, recursive: true);
    }
}
