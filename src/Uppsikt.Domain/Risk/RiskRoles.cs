using R = Uppsikt.Domain.Identity.Roles;

namespace Uppsikt.Domain.Risk;

/// <summary>Who works with risk (decision 0031). Providers never see a score or a ranking.</summary>
public static class RiskRoles
{
    /// <summary>Read the rankings, the explained scores, the analyses and the selections.</summary>
    public static readonly string[] Readers = [R.QualityDeveloper, R.GroupManager, R.DistrictFollowUp, R.Administrator];

    /// <summary>Set a committee's matrix and signal weights.</summary>
    public static readonly string[] SettingsEditors = [R.QualityDeveloper, R.GroupManager, R.Administrator];
}
