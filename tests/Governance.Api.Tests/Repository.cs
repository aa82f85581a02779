namespace Governance.Api.Tests;

/// <summary>The repository the tests run from: the folder above the test binaries that holds Governance.sln.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Governance.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Governance.sln not found above the test binaries.");
    }
}
