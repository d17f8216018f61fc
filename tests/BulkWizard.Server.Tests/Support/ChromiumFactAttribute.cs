namespace BulkWizard.Server.Tests.Support;

/// <summary>A test that needs Debian's Chromium; skipped, saying so, where it is not installed (CI installs it).</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (!HeadlessChromium.IsInstalled)
        {
            Skip = $"Chromium is not installed at {HeadlessChromium.ExecutablePath} (apt-get install -y chromium); the plan review page was not tested in a browser.";
        }
    }
}
