using BulkWizard.Core.Wizard;
using BulkWizard.Server.Tools.Results;

namespace BulkWizard.Server.Wizard;

/// <summary>
/// One turn of a wizard shown by a front end of its own: the <see cref="Question"/> to ask (with the <see cref="Notice"/>
/// of a refused answer, to show above it), or the reply that ended the wizard.
/// </summary>
public sealed record FormTurn(Question? Question = null, WizardReply? Ended = null, string? Notice = null);
