namespace BulkWizard.Core.Tests.Storage.Support;

public sealed class WindowsFactAttribute : FactAttribute
{
    public WindowsFactAttribute()
    {
        if (!OperatingSystem.IsWindows())
        {
            Skip = "Windows access lists only.";
        }
    }
}
