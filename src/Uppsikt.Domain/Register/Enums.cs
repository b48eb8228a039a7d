using System.ComponentModel.DataAnnotations;

namespace Uppsikt.Domain.Register;

/// <summary>Regiform: who owns the provider or unit.</summary>
public enum Ownership
{
    [Display(Name = "Privat")] Private = 1,
    [Display(Name = "Idéburen")] NonProfit = 2,
    [Display(Name = "Egen regi")] InHouse = 3,
}

/// <summary>Driftform: the provider's legal form.</summary>
public enum LegalForm
{
    [Display(Name = "Aktiebolag")] LimitedCompany = 1,
    [Display(Name = "Enskild näringsidkare")] SoleTrader = 2,
    [Display(Name = "Handelsbolag / kommanditbolag")] Partnership = 3,
    [Display(Name = "Ekonomisk förening")] EconomicAssociation = 4,
    [Display(Name = "Ideell förening")] NonProfitAssociation = 5,
    [Display(Name = "Stiftelse")] Foundation = 6,
    [Display(Name = "Kommunal förvaltning")] MunicipalAdministration = 7,
    [Display(Name = "Kommunalt bolag")] MunicipalCompany = 8,
}

public enum LegalBasis
{
    [Display(Name = "Socialtjänstlagen (SoL)")] SoL = 1,
    [Display(Name = "LSS")] Lss = 2,
    [Display(Name = "Hälso- och sjukvårdslagen (HSL)")] Hsl = 3,
    [Display(Name = "Skollagen")] SchoolAct = 4,
    [Display(Name = "Ingen särskild lag")] None = 5,
}

public enum OperatingForm
{
    [Display(Name = "Valfrihetssystem (LOV)")] LovChoice = 1,
    [Display(Name = "Upphandlat avtal (LOU)")] ProcuredContract = 2,
    [Display(Name = "Endast egen regi")] InHouseOnly = 3,
}

public enum AgreementKind
{
    [Display(Name = "Auktorisation")] Authorisation = 1,
    [Display(Name = "Avtal")] Contract = 2,
}

public enum AuthorisationStatus
{
    [Display(Name = "Ansökt")] Applied = 1,
    [Display(Name = "Aktiv")] Active = 2,
    [Display(Name = "Vilande")] Suspended = 3,
    [Display(Name = "Återkallad")] Revoked = 4,
    [Display(Name = "Upphörd")] Terminated = 5,
}

public enum ProviderPersonRole
{
    [Display(Name = "Företrädare")] Representative = 1,
    [Display(Name = "Styrelseordförande")] BoardChair = 2,
    [Display(Name = "Styrelseledamot")] BoardMember = 3,
    [Display(Name = "Styrelsesuppleant")] DeputyBoardMember = 4,
    [Display(Name = "Verkställande direktör")] ChiefExecutive = 5,
    [Display(Name = "Revisor")] Auditor = 6,
    [Display(Name = "Kontaktperson krisberedskap")] PreparednessContact = 7,
}
