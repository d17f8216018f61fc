using System.Reflection;
using BulkWizard.Core.Registry;

namespace BulkWizard.Core.Tests.Support;

/// <summary>
/// A registry that stores something other than it was sent: every call goes to a real gateway, and each registration's
/// request is first rewritten by <see cref="Rewrite"/>, so the registry accepts the write under the requested id and
/// version and holds other content, as a registry that alters schemas on the way in would.
/// </summary>
public class RewritingGateway : DispatchProxy
{
    private IRegistryGateway _inner = null!;

    private Func<RegisterSchemaRequest, RegisterSchemaRequest> _rewrite = null!;

    public static IRegistryGateway Over(IRegistryGateway inner, Func<RegisterSchemaRequest, RegisterSchemaRequest> rewrite)
    {
        var proxy = Create<IRegistryGateway, RewritingGateway>();
        var self = (RewritingGateway)(object)proxy;
        self._inner = inner;
        self._rewrite = rewrite;
        return proxy;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        if (targetMethod.Name == nameof(IRegistryGateway.RegisterAsync) && args is [_, RegisterSchemaRequest request, ..])
        {
            args[1] = _rewrite(request);
        }

        try
        {
            return targetMethod.Invoke(_inner, args);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerException);
            throw;
        }
    }
}
