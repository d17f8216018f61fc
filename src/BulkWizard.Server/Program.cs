using BulkWizard.Server.Hosting;

return await ServerProgram.RunAsync(args, Environment.GetEnvironmentVariables());
