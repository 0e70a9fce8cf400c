"""Word lists for names in German, French, Spanish, Italian and Portuguese text: given names the US
census lists miss, titles that precede a person, place names in those languages, and the words that
head an organisation's name. Written for the project from general knowledge."""

from __future__ import annotations

GIVEN_NAMES = frozenset("""
Jürgen Jörg Günter Günther Gerhard Helmut Horst Heinz Klaus Wolfgang Uwe Dieter Manfred Rainer Reinhard
Hans-Peter Karl-Heinz Hans-Jürgen Bernd Ulrich Ulf Olaf Sigmar Friedrich Wilhelm Joachim Norbert Lothar
Winfried Hubertus Markus Matthias Tobias Lukas Jonas Niklas Florian Sebastian Moritz Maximilian Felix
Jan Jens Sven Torsten Thorsten Kai Heiko Holger Volker Detlef Ralf Rolf Hartmut Siegfried Armin Cem Annalena
Ursula Ute Gudrun Sabine Petra Birgit Heike Anke Silke Katrin Kathrin Claudia Angela Andrea Annette
Brigitte Renate Ingrid Hannelore Gisela Monika Susanne Christiane Cornelia Franziska Johanna Katharina
Lena Leonie Mia Marie Hanna Hannah Sophie Lea Jule Svenja Malu Saskia Ricarda Dörte Iris Wiebke Frauke
Elke Heidi Jutta Bärbel Doris Ilse Liselotte Gertrud Else Herta Marlene Ulrike Dorothea Annegret
François Françoise Jean-Pierre Jean-Luc Jean-Claude Jean-Marie Jean-Paul Jean-Louis Jean-Michel
Pierre Jacques Michel Philippe Nicolas Emmanuel Édouard Edouard Gérard Gérald Bernard Thierry Hervé
Stéphane Stephane Sébastien Sebastien Frédéric Frederic Benoît Benoit Rémi Rémy Rene René Éric Eric
Olivier Laurent Vincent Xavier Yves Alain Christophe Guillaume Mathieu Matthieu Julien Antoine Baptiste
Théo Hugo Louis Léo Lucas Gabriel Raphaël Arthur Clément Maxime Romain Valentin Quentin Bruno Didier
Marine Ségolène Segolene Élisabeth Elisabeth Brigitte Nathalie Sandrine Valérie Valerie Véronique
Sylvie Isabelle Catherine Christine Martine Chantal Dominique Anne Sophie Aurélie Céline Hélène Helene
Élise Elise Amélie Camille Chloé Manon Léa Clémence Agnès Béatrice Geneviève Josiane Mathilde Juliette
Anne-Marie Marie-Claude Marie-France Ségolène Rachida Najat Aurore Gaëlle Maëlle Anaïs Inès Zoé
José Jose Juan Carlos Pedro Pablo Javier Francisco Antonio Manuel Miguel Ángel Angel Alejandro Fernando
Jorge Luis Rafael Sergio Alberto Alfonso Íñigo Iñigo Gonzalo Álvaro Alvaro Raúl Raul Andrés Andres
Santiago Diego Ramón Ramon Enrique Ignacio Jesús Jesus Emiliano Mariano Rodrigo Mateo Joaquín Joaquin
María Maria Carmen Dolores Pilar Isabel Teresa Lucía Lucia Marta Elena Cristina Rocío Rocio Begoña
Inmaculada Yolanda Irene Ana Beatriz Mercedes Montserrat Núria Nuria Ainhoa Itziar Soraya Ayuso
Giuseppe Giovanni Francesco Luigi Salvatore Mario Paolo Matteo Giorgio Luca Marco Alessandro Andrea
Stefano Roberto Massimo Sergio Silvio Romano Enrico Giancarlo Gianluca Pier Piero Vittorio Umberto
Fabrizio Maurizio Claudio Dario Riccardo Lorenzo Federico Emanuele Gabriele Daniele Simone Davide
Giorgia Giulia Chiara Francesca Federica Alessandra Laura Paola Silvia Valentina Elisa Sara Martina
João Joao Paulo Luís Lula Tiago Rui Nuno Gonçalo Duarte Sérgio Vítor Vitor Marcelo Jair Fernão
Maria Ana Inês Beatriz Leonor Mariana Catarina Joana Rita Luísa Luisa Dilma Marina Gleisi
""".split())

# Given names that are also common words of the language: not a given name there without more evidence.
NOT_GIVEN = {
    "de": frozenset("Roman Mark Art Will Kurz Ernst Rosa Rose Kind Golf See Ball Bill Grant Page Story Chance "
                    "Mai Fritz Frank Franz Hans".split()) - frozenset("Frank Franz Hans Fritz".split()),
    "fr": frozenset("Les Un Une Des Dont Mars Avril Juin Rose Blanche Claire Chance Pierre Grande Aime Belle "
                    "France Saint Sainte Jean".split()) - frozenset("Pierre Jean Claire".split()),
    "es": frozenset("Un Una Mar Rosa Paz Luz Cruz Sol Dolores Mercedes Santos Reyes Blanca Angel".split())
    - frozenset("Dolores Mercedes".split()),
    "it": frozenset("Un Una Rosa Romano Sole Mar Santo Fiore Bella Chiara".split()) - frozenset("Chiara".split()),
    "pt": frozenset("Um Uma Rosa Luz Cruz Paz Santos Sol Flor".split()),
}
# Census given names that are English words, places or particles: in these languages they are far more
# often a brand, a title or a quoted English phrase ("Golden Globes", "Long Island") than a first name.
NOT_GIVEN_ANYWHERE = frozenset("""An Angel Art Belle Bill Chance Chase Del Don Earl Eden Faith Gay Golden Grace Grant
    Guy Hope Joy King Lady Lane Le Les Long Love Mai Major Man Marine Monte Page Prince Princess Queen Rich Rose
    Royal Santa Santo Sommer Star Sterling Summer Sunny Un Van Von Will Winter Young Dallas Florida Paris
    Georgia Dakota Sky Ocean Happy Merry Early Baby Rock Mars Wolf Storm Ever Best Sharp Blue Green Brown
    White Black Gray Grey Pink Ruby Pearl Crystal Diamond Jade Amber Ivory Iris Lily Holly Ivy Dawn
    Autumn April August""".split())
# Words before a name that say it is a person's, with the role they give ("Bundeskanzler Olaf Scholz").
TITLES = {
    "de": """Herr Herrn Frau Dr. Prof. Professor Professorin Bundeskanzler Bundeskanzlerin Kanzler Kanzlerin
        Bundespräsident Bundespräsidentin Präsident Präsidentin Minister Ministerin Bundesminister
        Bundesministerin Ministerpräsident Ministerpräsidentin Oberbürgermeister Oberbürgermeisterin
        Bürgermeister Bürgermeisterin Senator Senatorin Abgeordnete Abgeordneter Staatssekretär
        Staatssekretärin Sprecher Sprecherin Chef Chefin Vorsitzende Vorsitzender Parteichef Parteichefin
        Autor Autorin Schriftsteller Schriftstellerin Regisseur Regisseurin Trainer Trainerin Papst
        Richter Richterin Intendant Intendantin Direktor Direktorin Geschäftsführer Geschäftsführerin""",
    "fr": """M. Mme Mlle Me Dr Pr monsieur madame président présidente ministre premier Premier
        maire député députée sénateur sénatrice porte-parole directeur directrice écrivain écrivaine
        auteur autrice romancier romancière réalisateur réalisatrice juge général générale""",
    "es": """Sr. Sra. Srta. Don Doña don doña presidente presidenta ministro ministra alcalde alcaldesa
        diputado diputada senador senadora portavoz director directora escritor escritora juez jueza""",
    "it": """Sig. Sig.ra signor signora dott. Dott. presidente ministro ministra sindaco deputato deputata
        senatore senatrice portavoce direttore direttrice scrittore scrittrice giudice premier""",
    "pt": """Sr. Sra. Dr. Dra. presidente presidenta ministro ministra prefeito prefeita deputado deputada
        senador senadora porta-voz diretor diretora escritor escritora juiz juíza""",
}
TITLES = {lang: frozenset(row.split()) for lang, row in TITLES.items()}  # type: ignore[assignment]
# Place names in these languages that the (English) gazetteer lacks, with the gazetteer's name.
_PLACES = """
Deutschland:Germany Allemagne:Germany Alemania:Germany Germania:Germany Alemanha:Germany
Frankreich:France Francia:France Frankrijk:France França:France
Spanien:Spain Espagne:Spain España:Spain Spagna:Spain Espanha:Spain
Italien:Italy Italie:Italy Italia:Italy Itália:Italy
Österreich:Austria Autriche:Austria Schweiz:Switzerland Suisse:Switzerland Suiza:Switzerland Svizzera:Switzerland Suíça:Switzerland
Belgien:Belgium Belgique:Belgium Bélgica:Belgium Niederlande:Netherlands Pays-Bas:Netherlands Países_Bajos:Netherlands
Großbritannien:United_Kingdom Grande-Bretagne:United_Kingdom Royaume-Uni:United_Kingdom Reino_Unido:United_Kingdom Regno_Unito:United_Kingdom
England:England Angleterre:England Inglaterra:England Inghilterra:England
Polen:Poland Pologne:Poland Polonia:Poland Polónia:Poland Tschechien:Czechia Ungarn:Hungary Hongrie:Hungary
Griechenland:Greece Grèce:Greece Grecia:Greece Türkei:Turkey Turquie:Turkey Turquía:Turkey Turchia:Turkey
Russland:Russia Russie:Russia Rusia:Russia Russia:Russia Rússia:Russia Ukraine:Ukraine Ucrania:Ukraine Ucraina:Ukraine Ucrânia:Ukraine
Schweden:Sweden Suède:Sweden Suecia:Sweden Norwegen:Norway Norvège:Norway Dänemark:Denmark Danemark:Denmark Finnland:Finland
Vereinigte_Staaten:United_States États-Unis:United_States Estados_Unidos:United_States Stati_Uniti:United_States
Amerika:America Amérique:America América:America China:China Chine:China Cina:China
Japan:Japan Japon:Japan Japón:Japan Giappone:Japan Japão:Japan Indien:India Inde:India
Brasilien:Brazil Brésil:Brazil Brasil:Brazil Mexiko:Mexico Mexique:Mexico México:Mexico Messico:Mexico
Kanada:Canada Canada:Canada Canadá:Canada Ägypten:Egypt Égypte:Egypt Egipto:Egypt
Israel:Israel Israël:Israel Syrien:Syria Syrie:Syria Siria:Syria Irak:Iraq Iran:Iran
Afrika:Africa Afrique:Africa África:Africa Europa:Europe Europe:Europe Asien:Asia Asie:Asia
Algerien:Algeria Algérie:Algeria Marokko:Morocco Maroc:Morocco Marruecos:Morocco Tunesien:Tunisia Tunisie:Tunisia
Irland:Ireland Irlande:Ireland Schottland:Scotland Écosse:Scotland Portugal:Portugal Luxemburg:Luxembourg
Bayern:Bavaria Bavière:Bavaria Hessen:Hesse Sachsen:Saxony Thüringen:Thuringia Brandenburg:Brandenburg
Nordrhein-Westfalen:North_Rhine-Westphalia Niedersachsen:Lower_Saxony Baden-Württemberg:Baden-Württemberg
Rheinland-Pfalz:Rhineland-Palatinate Schleswig-Holstein:Schleswig-Holstein Mecklenburg-Vorpommern:Mecklenburg-Vorpommern
Sachsen-Anhalt:Saxony-Anhalt Saarland:Saarland Tirol:Tyrol Bretagne:Brittany Normandie:Normandy
Alsace:Alsace Provence:Provence Corse:Corsica Île-de-France:Île-de-France Cataluña:Catalonia Catalogne:Catalonia Katalonien:Catalonia
Andalucía:Andalusia Sicilia:Sicily Sizilien:Sicily Sicile:Sicily Toscana:Tuscany Lombardia:Lombardy
München:Munich Köln:Cologne Nürnberg:Nuremberg Frankfurt:Frankfurt Hamburg:Hamburg Düsseldorf:Düsseldorf
Wien:Vienna Vienne:Vienna Viena:Vienna Vienna:Vienna Zürich:Zurich Genf:Geneva Genève:Geneva Ginebra:Geneva
Brüssel:Brussels Bruxelles:Brussels Bruselas:Brussels Bruxelas:Brussels Prag:Prague Prague:Prague Praga:Prague
Warschau:Warsaw Varsovie:Warsaw Varsovia:Warsaw Moskau:Moscow Moscou:Moscow Moscú:Moscow Mosca:Moscow
Rom:Rome Rome:Rome Roma:Rome Mailand:Milan Milan:Milan Milán:Milan Milano:Milan Venedig:Venice Venise:Venice Venezia:Venice
Neapel:Naples Naples:Naples Nápoles:Naples Napoli:Naples Florenz:Florence Florence:Florence Firenze:Florence
Turin:Turin Torino:Turin Lissabon:Lisbon Lisbonne:Lisbon Lisboa:Lisbon Sevilla:Seville Séville:Seville
London:London Londres:London Londra:London Athen:Athens Athènes:Athens Atenas:Athens Atene:Athens
Kopenhagen:Copenhagen Copenhague:Copenhagen Stockholm:Stockholm Den_Haag:The_Hague La_Haye:The_Hague
Straßburg:Strasbourg Strasbourg:Strasbourg Marseille:Marseille Lyon:Lyon Toulouse:Toulouse Bordeaux:Bordeaux
Nizza:Nice Nice:Nice Lille:Lille Nantes:Nantes Angers:Angers Rennes:Rennes Montpellier:Montpellier
Peking:Beijing Pékin:Beijing Pekín:Beijing Pechino:Beijing New_York:New_York Washington:Washington
Kiew:Kyiv Kiev:Kyiv Kyiv:Kyiv Jerusalem:Jerusalem Jérusalem:Jerusalem Jerusalén:Jerusalem Gerusalemme:Jerusalem
Kairo:Cairo Le_Caire:Cairo El_Cairo:Cairo Il_Cairo:Cairo Tokio:Tokyo Tokyo:Tokyo Tóquio:Tokyo
Berlin:Berlin Berlino:Berlin Berlim:Berlin Mainz:Mainz Wiesbaden:Wiesbaden Darmstadt:Darmstadt
Leipzig:Leipzig Dresden:Dresden Stuttgart:Stuttgart Hannover:Hanover Bremen:Bremen Bonn:Bonn
"""
PLACES: dict[str, str] = {
    k.replace("_", " "): v.replace("_", " ") for k, v in (p.split(":") for p in _PLACES.split())
}
# Words that head an organisation's name, alone or as the end of a German compound ("Suhrkamp Verlag",
# "Rowohlt-Verlag", "Landgericht"), and the institutions named by one word.
ORG_HEADS = {
    "de": frozenset("""verlag partei universität hochschule ministerium stiftung gericht verband verein
        institut bank konzern gruppe akademie bundesamt landesamt gewerkschaft zeitung rundfunk
        landtag bundestag bundesrat senat kommission""".split()),
    "fr": frozenset("""université ministère parti banque conseil institut fondation académie assemblée cour
        tribunal commission agence société groupe syndicat éditions musée théâtre sénat""".split()),
    "es": frozenset("""universidad ministerio partido banco consejo instituto fundación academia asamblea
        tribunal comisión agencia sociedad grupo sindicato editorial museo teatro senado congreso""".split()),
    "it": frozenset("""università ministero partito banca consiglio istituto fondazione accademia assemblea
        tribunale corte commissione agenzia società gruppo sindacato museo teatro senato camera""".split()),
    "pt": frozenset("""universidade ministério partido banco conselho instituto fundação academia assembleia
        tribunal comissão agência sociedade grupo sindicato museu teatro senado congresso""".split()),
}
# Institutions named by one word or a fixed phrase.
ORG_NAMES = frozenset("""Bundestag Bundesrat Bundesregierung Bundesverfassungsgericht Bundeswehr Bundesbank
    Europäische_Union Vereinte_Nationen Grünen Linke Assemblée_nationale Élysée Matignon Sénat Bundesliga
    Union_européenne Nations_unies Unión_Europea Naciones_Unidas Moncloa Unione_europea Quirinale Bundesagentur
    Deutsche_Bahn Deutsche_Bank Suhrkamp Rowohlt Gallimard Flammarion Grasset""".replace("_", "\x00").split())
ORG_NAMES = ORG_NAMES | frozenset("""Süddeutsche_Zeitung Süddeutschen_Zeitung Frankfurter_Allgemeine Frankfurter_Allgemeinen
    Frankfurter_Rundschau Le_Monde Le_Figaro Libération El_País El_Mundo Corriere_della La_Repubblica Público
    Deutsche_Telekom Deutschen_Bahn Deutschen_Bank Europäischen_Union Europäische_Kommission Europäischen_Kommission
    Commission_européenne Conseil_constitutionnel Conseil_d'État Cour_de""".replace("_", "\x00").split())
ORG_NAMES = frozenset(n.replace("\x00", " ") for n in ORG_NAMES)
# Acronyms of bodies that need no more evidence than themselves.
ORG_ACRONYMS = frozenset("""SPD CDU CSU FDP AfD NPD BSW EU UN UNO NATO OTAN WHO OMS OECD OCDE IWF FMI EZB BCE ZDF ARD
    WDR NDR SWR MDR RBB ORF SRF BGH EuGH BVerfG OLG FAZ DPA dpa AFP Reuters SNCF RATP CNRS INSERM Inserm INSEE UE
    ONU PSOE PP UGT CGT CFDT FO LFI RN LR PCF EELV IBM SAP BMW VW BASF DFB FIFA UEFA IOC CIO DGB IG ADAC GEMA EKD
    TÜV ESA NASA CIA FBI KGB BND BKA LKA THW DRK UNESCO UNICEF WTO OMC ILO OIT KPMG PwC HSBC BNP SNCB RTL RAI RTVE
    CNN BBC AP AFD CNU AERES HCERES INSEAD ESPCI PSL ENS ENA ETH EPFL MIT CERN""".split())
