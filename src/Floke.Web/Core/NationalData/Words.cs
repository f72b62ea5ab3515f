namespace Floke.Web.Core.NationalData;

/// <summary>Norwegian building blocks for generated names and texts: varied enough that search and lists look real.</summary>
internal static class Words
{
    public static readonly string[] FirstNames = ["Kari", "Ola", "Ingrid", "Lars", "Nora", "Ahmed", "Sofie", "Jonas", "Amina", "Per", "Marte", "Eirik", "Fatima", "Henrik", "Sigrid", "Mats", "Aisha", "Tor", "Hanne", "Kristian"];
    public static readonly string[] LastNames = ["Hansen", "Johansen", "Olsen", "Larsen", "Andersen", "Pedersen", "Nilsen", "Kristiansen", "Jensen", "Karlsen", "Berg", "Haugen", "Hagen", "Eriksen", "Bakken", "Ali", "Solberg", "Dahl", "Lie", "Moen"];
    public static readonly string[] StatePrefixes = ["Direktoratet for ", "Tilsynet for ", "Etaten for ", "Senteret for ", "Kontoret for "];
    public static readonly string[] StateSubjects = ["digital forvaltning", "helse og omsorg", "skole og barnehage", "samferdsel", "miljø og klima", "arbeid og velferd", "byggesak", "landbruk", "kultur", "beredskap", "innvandring", "barn og familie"];
    public static readonly string[] Voluntary = ["Frivilligsentralen", "Idrettslaget", "Pensjonistforeningen", "Røde Kors-lag", "Velforeningen"];
    public static readonly string[] CompanyStems = ["Nord", "Fjord", "Data", "Helse", "Rute", "Sensor", "Bygg", "Lære", "Grønn", "Kyst", "Fjell", "Smart", "Trygg", "Digi", "Vekst"];
    public static readonly string[] CompanyEndings = ["tech", "labs", "data", "løsninger", "system", "innovasjon", "partner", "design", "analyse", "drift"];
    public static readonly string[] Places = ["i kommunen", "i distriktene", "på sykehjemmet", "i skolen", "hos fastlegen", "i hjemmetjenesten", "på NAV-kontoret", "i byggesaken", "i barnehagen", "på legevakten", "i kollektivtrafikken", "i fylket"];
    public static readonly string[] NeedSubjects = ["Eldre som bor hjemme", "Unge utenfor skole og arbeid", "Små bedrifter", "Foreldre med barn i barnehage", "Pasienter med kronisk sykdom", "Nyankomne innvandrere", "Pendlere", "Frivillige", "Lærere", "Saksbehandlere"];
    public static readonly string[] NeedProblems = ["venter for lenge på svar", "må fortelle det samme flere ganger", "finner ikke riktig tjeneste", "får ikke hjelp når de trenger det", "må fylle ut de samme skjemaene", "mister oversikten over søknaden", "får motstridende beskjeder", "bruker dager på papirarbeid"];
    public static readonly string[] Experiences = ["De opplever at ingen har helheten.", "De må ringe flere kontorer og forklare alt på nytt.", "De gir opp før de får hjelp.", "De bruker mye tid på å vente.", "De vet ikke hvem som har ansvaret."];
    public static readonly string[] Situations = ["Hver tjeneste har sitt eget system.", "Opplysninger deles ikke mellom etatene.", "Rutinene er skrevet for papir.", "Kapasiteten er for liten i perioder."];
    public static readonly string[] InitiativeStarts = ["Digital", "Felles", "Sammenhengende", "Forenklet", "Automatisk", "Proaktiv", "Mobil", "Tverrfaglig", "Datadrevet", "Brukerstyrt"];
    public static readonly string[] InitiativeThings = ["oppfølging", "søknad", "varsling", "timebestilling", "veiviser", "saksbehandling", "kartlegging", "innsjekk", "ressursplanlegging", "skyssplanlegging", "legemiddelhåndtering", "læringsplattform"];
    public static readonly string[] Summaries = ["Vi prøver ut en ny måte å jobbe på sammen med brukerne.", "Tjenestene samarbeider om én felles løsning.", "Løsningen er utviklet med brukerne og testes i liten skala først.", "Vi tar i bruk en løsning som har virket i en annen kommune."];
    public static readonly string[] Effects = ["kortere ventetid", "færre henvendelser", "spart arbeidstid", "færre innleggelser", "bedre brukeropplevelse", "lavere driftskostnader", "færre feil i vedtak", "raskere hjelp"];
    public static readonly string[] Rules = ["forvaltningsloven", "personopplysningsloven", "helsepersonelloven", "pasientjournalloven", "plan- og bygningsloven", "opplæringslova", "barnehageloven", "NAV-loven", "sosialtjenesteloven", "kommuneloven", "anskaffelsesforskriften", "tilskuddsregelverket", "arkivloven", "vegtrafikkloven", "helse- og omsorgstjenesteloven"];
}
