"""The Spanish words of app/ingest/candidates.py: what heads, introduces and surrounds an
organisation's name in Spanish text ("Organización de Países Exportadores de Petróleo",
"Fondo Monetario Internacional", "la consultora Benchmark Mineral Intelligence", "la empresa
china Ganfeng Lithium", "el fabricante de baterías CATL"). A Spanish article is read with these
and the English ones together: Spanish text quotes English names ("Rice University").
"""

from __future__ import annotations

# fmt: off
HEAD_NOUNS_ES = frozenset({
    "Organización", "Banco", "Fondo", "Consejo", "Unión", "Agencia", "Corporación",
    "Compañía", "Empresa", "Grupo", "Ministerio", "Foro", "Alianza", "Instituto", "Comisión",
    "Comité", "Asociación", "Partido", "Tribunal", "Corte", "Autoridad", "Oficina",
    "Departamento", "Administración", "Bolsa", "Reserva", "Junta", "Parlamento", "Asamblea",
    "Congreso", "Secretaría", "Comunidad", "Fundación", "Consorcio", "Coalición", "Movimiento",
    "Ejército", "Armada", "Fuerzas", "Guardia", "Universidad", "Centro", "Cooperación",
    "Servicio", "Comando", "Sociedad", "Cámara", "Senado", "Gobierno", "Diálogo", "Observatorio",
    "Federación", "Confederación", "Cancillería", "Petróleos", "Minera", "Naviera",
    "Lithium", "Mining", "Energy", "Oil", "Gas",
})
# "la consultora Benchmark…", "la empresa china Ganfeng…", "el fabricante de baterías CATL".
ORG_NOUNS_ES = (
    "empresa|empresas|compañía|compañías|corporación|firma|gigante|productora|productor|banco"
    "|grupo|agencia|bloque|alianza|organización|conglomerado|operadora|fondo|exportadora"
    "|refinería|minera|naviera|aseguradora|consorcio|filial|subsidiaria|institución|organismo"
    "|consultora|petrolera|estatal|fabricante|automotriz|tecnológica|constructora"
)
TITLES_ES = frozenset({
    "Presidente", "Presidenta", "Ministro", "Ministra", "Canciller", "Rey", "Reina",
    "Príncipe", "Princesa", "Jeque", "Emir", "Sr", "Sra", "Dr", "Dra", "General", "Almirante",
    "Senador", "Senadora", "Gobernador", "Gobernadora", "Secretario", "Secretaria",
    "Embajador", "Embajadora", "Director", "Directora", "Papa", "Primer", "Vicepresidente",
})
FUNCTION_WORDS_ES = frozenset({
    "el", "la", "los", "las", "un", "una", "unos", "unas", "este", "esta", "estos", "estas",
    "ese", "esa", "su", "sus", "y", "e", "o", "u", "ni", "pero", "si", "como", "en", "de",
    "del", "al", "a", "con", "sin", "por", "para", "desde", "hasta", "entre", "sobre", "tras",
    "según", "durante", "mientras", "cuando", "donde", "que", "quien", "aunque", "porque",
    "hoy", "ayer", "ya", "también", "además", "sin embargo", "así", "luego", "después", "antes",
    "cada", "todo", "todos", "muchos", "algunos", "varios", "otros", "otro", "otra", "no",
})
CALENDAR_ES = frozenset({
    "Lunes", "Martes", "Miércoles", "Jueves", "Viernes", "Sábado", "Domingo", "Enero",
    "Febrero", "Marzo", "Abril", "Mayo", "Junio", "Julio", "Agosto", "Septiembre", "Octubre",
    "Noviembre", "Diciembre",
})
# fmt: on
# Between a name's words: "de la", "para la", "del", "y".
CONNECTOR_ES = r"de(?:\s+(?:la|las|los|el))?|del|para(?:\s+(?:la|el|las|los))?|y|e"
