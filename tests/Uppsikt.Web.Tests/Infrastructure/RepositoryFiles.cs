namespace Uppsikt.Web.Tests.Infrastructure;

/// <summary>Files the tests read from the repository itself; nothing outside the clone is needed.</summary>
public static class RepositoryFiles
{
    /// <summary>Kolada's unit register, <c>data/kolada/ou.json</c>.</summary>
    public static string KoladaUnits => Existing("data", "kolada", "ou.json");

    /// <summary>The synthetic Kolada oudata example the user guide points at.</summary>
    public static string KoladaOudataExample => Existing("docs", "examples", "kolada-oudata-exempel.json");

    /// <summary>The folder holding Uppsikt.slnx.</summary>
    public static DirectoryInfo Repository
    {
        get
        {
            for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "Uppsikt.slnx")))
                {
                    return folder;
                }
            }
            throw new InvalidOperationException($"No Uppsikt.slnx above {AppContext.BaseDirectory}.");
        }
    }

    private static string Existing(params string[] parts)
    {
        var path = Path.Combine([Repository.FullName, .. parts]);
        return File.Exists(path) ? path : throw new FileNotFoundException($"The repository's file {Path.Combine(parts)} is missing.", path);
    }
}
