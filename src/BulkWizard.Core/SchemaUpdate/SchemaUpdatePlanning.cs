using BulkWizard.Core.Plans;
using BulkWizard.Core.Registry;
using BulkWizard.Core.Selection;
using BulkWizard.Core.Wizard;

namespace BulkWizard.Core.SchemaUpdate;

/// <summary>What a schema update type's planner gets: the registry, the clock, the selected subjects, the answers and how the plan will run.</summary>
internal sealed record SchemaUpdatePlanning(IRegistryGateway Gateway, TimeProvider Clock, SelectedSubjects Subjects, WizardAnswers Answers, BulkOperationConfig Config);
