"""Web-page furniture: the lines of a saved news page that are not the article's content.

A page copied from a browser brings the site along with the story: banners and breadcrumbs,
datelines and bylines, photo captions and credits, cookie, browser and registration notices,
"This article is more than 2 years old", share, newsletter and "Read more" lines. None of them
is a section, a heading or a claim.

Each rule below is one row of a declarative table: a name, the pattern a whole line must match
(stripped, `fullmatch`), and an example. The patterns are anchored on the whole line and
written narrowly, so an ordinary sentence that merely starts the same way ("By 2030 the plant
will...", "Share prices fell...", "Photos of the site show...") is never taken for furniture:
`tests/ingest/test_furniture.py` holds one such sentence per rule.

Spanish pages bring the same furniture in Spanish ("Por Carmen Salazar", "Suscríbete",
"Compartir", "Publicidad", "Lea también: …", "Este artículo tiene más de 2 años", cookies,
"CARACAS, 26 nov (Agencia …) -"): those rules follow the English ones in the table, and, like
them, apply whatever the article's language (a Spanish site may frame an English story).

A dateline may also open the first paragraph ("CARACAS, Venezuela (Reuters) - The government
said..."): `dateline_length` measures that prefix, so the sentence starts after it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["RULES", "Rule", "dateline_length", "furniture_rule"]

_MONTH = (
    r"(?:jan(?:uary|\.)?|feb(?:ruary|\.)?|mar(?:ch|\.)?|apr(?:il|\.)?|may|june?|july?"
    r"|aug(?:ust|\.)?|sept?(?:ember|\.)?|oct(?:ober|\.)?|nov(?:ember|\.)?|dec(?:ember|\.)?)"
)
_WEEKDAY = r"(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?"
_DATE = (
    rf"(?:{_WEEKDAY}\s+)?(?:\d{{1,2}}\s+{_MONTH},?\s+\d{{4}}"  # 02 April 2009
    rf"|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"  # April 2, 2009 / Sept. 13, 2017
    r"|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4})"  # 2009-04-02 / 4/2/2009
)
_CLOCK = r"\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?"
# A time after the date, and the source some sites print beside it ("12:38:48 source: Wire").
_TIME = rf"(?:\s*(?:,|at|\|)?\s*{_CLOCK})?(?:\s+source\s*:\s*\S.{{0,40}})?"
# A name of two to four capitalised words ("Jane Doe", "R. Evan Ellis", "Mary-Ann O'Neil").
_NAME = r"[A-Z][\w'’.-]*(?:\s+(?:de|da|del|van|von|la|le|bin)?\s*[A-Z][\w'’.-]*){1,3}"
_ROLE = (
    r"(?i:(?:[\w-]+\s+){0,3}(?:staff\s+writer|writer|correspondent|reporter|editor|contributor"
    r"|columnist|journalist|producer|photographer)s?(?:\s+(?:in|at|for)\s+[\w ]+)?)"
)
# One to three places, each of capitalised words: "Quito", "Baku, Azerbaijan", "NEW YORK".
_PLACE = r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}"
_PLACES = rf"{_PLACE}(?:,\s*{_PLACE}){{0,2}}"
_IN_PLACE = r"(?:\s+(?:in|from)\s+[A-Z]\w+)?"
_CREDIT = rf"(?i:(?:additional\s+)?(?:reporting|writing|editing)\s+by)\s+{_NAME}{_IN_PLACE}"
_SOCIAL = r"(?:share|tweet|email|e-mail|print|copy\s+link|facebook|twitter|x|linkedin|whatsapp"
_SOCIAL += (
    r"|reddit|telegram|pinterest|flipboard|messenger|comments?|save|gift\s+(?:this\s+)?article)"
)


# Spanish pages: months, a date ("14 de marzo de 2023", "26 nov"), a byline's "Por", a wire's
# credits ("Información de …; Editado por …") and the words of share buttons.
_MES = (
    r"(?:ene(?:ro|\.)?|feb(?:rero|\.)?|mar(?:zo|\.)?|abr(?:il|\.)?|may(?:o|\.)?|jun(?:io|\.)?"
    r"|jul(?:io|\.)?|ago(?:sto|\.)?|sep(?:tiembre|t\.|\.)?|set(?:iembre|\.)?|oct(?:ubre|\.)?"
    r"|nov(?:iembre|\.)?|dic(?:iembre|\.)?)"
)
_DIA = r"(?:lunes|martes|miércoles|jueves|viernes|sábado|domingo),?"
_FECHA = (
    rf"(?:{_DIA}\s+)?(?:\d{{1,2}}\s+(?:de\s+)?{_MES}\s+(?:de\s+|del\s+)?\d{{4}}"
    rf"|{_MES}\s+\d{{1,2}},?\s+\d{{4}})"
)
_HORA = r"(?:\s*(?:[-–—,|]|a\s+las)?\s*\d{1,2}[:.]\d{2}(?:\s*(?:h|hs|horas|[A-Z]{2,4}))?)?"
_CREDITO = (
    r"(?i:(?:con\s+)?(?:información|reportaje|redacción|texto)(?:\s+adicional)?\s+de"
    r"|(?:editado|editada|edición)\s+(?:por|de))"
)
_SOCIAL_ES = (
    r"(?:compartir|comparte|tuitear|enviar|correo(?:\s+electrónico)?|imprimir|copiar\s+enlace"
    r"|guardar|comentarios?|descargar\s+(?:el\s+)?pdf|facebook|twitter|x|linkedin|whatsapp"
    r"|telegram|e-?mail)"
)


@dataclass(frozen=True, slots=True)
class Rule:
    """One kind of furniture: a whole stripped line that matches `pattern` is never content."""

    name: str
    pattern: re.Pattern[str]
    example: str


def _rule(name: str, pattern: str, example: str, *, case: bool = False) -> Rule:
    flags = 0 if case else re.IGNORECASE
    return Rule(name, re.compile(pattern, flags), example)


# fmt: off
RULES: tuple[Rule, ...] = (
    _rule("dateline", rf"(?:[A-Z][\w&' ]{{1,40}}\s*[|•·,]\s*)?"
          rf"(?:(?:published|updated|posted|last\s+(?:updated|modified)|modified|first\s+published)"
          rf"(?:\s+on)?\s*:?\s*)?(?:{_CLOCK}\s*,?\s*)?{_DATE}{_TIME}"
          rf"|[«‹]?\s*{_MONTH},?\s+\d{{4}}\s*[»›]?", "02 April 2009"),
    _rule("place dateline", r"[A-Z][A-Z.'’ -]{2,40}(?:/[A-Z.'’ -]{3,40})*"
          r"(?:,\s+[A-Z][\w.' ]{1,30})?\s*(?:\([A-Za-z .&-]{2,30}\))?\s*[-–—]+",
          "MOSCOW —", case=True),
    # A wire's dateline on a line of its own: places, the day, the agency in brackets or
    # slashes ("Quito, Ecuador, March 3 (Example Wire)", "Lima, 4 de marzo /Agencia/").
    _rule("wire dateline", rf"{_PLACES},?\s+(?:(?i:{_MONTH})\s+\d{{1,2}}|\d{{1,2}}\s+(?:de\s+)?"
          rf"(?i:{_MES}))(?:,?\s+(?:de\s+)?\d{{4}})?\s*(?:/[^/]{{2,60}}/|\([A-Z][^()]{{1,40}}\))",
          "Quito, Ecuador, March 3 (Example Wire)", case=True),
    _rule("byline", rf"(?:(?i:by|authors?\s*:|written\s+by|posted\s+by|journalists?\s*:"
          rf"|reporters?\s*:)\s+)"
          rf"(?:(?:Dr|Mr|Mrs|Ms|Prof)\.\s+)?{_NAME}(?:\s*(?:,|and|&)\s*{_NAME})*(?:\s*[,|]\s*{_ROLE})?"
          r"(?:\s*[|,]\s*[A-Z][\w ]{1,30})?", "By Jane Doe and John Roe", case=True),
    # A site's or a writer's name sharing the story with a wire: "Example.com With Reuters".
    _rule("agency byline", r"[\w.&'’ -]{2,40}\s+(?:with|and)\s+(?:reuters|(?:the\s+)?associated"
          r"\s+press|ap|afp|bloomberg|dpa|efe|agencies)(?:\s+wires?)?", "Example.com With Reuters"),
    _rule("role byline", rf"{_NAME}\s*[,|–—-]\s*{_ROLE}", "Jane Doe, Staff Writer", case=True),
    # The author's line at the foot of a column: one sentence, a name, "is"/"es" and a trade.
    _rule("author note", rf"{_NAME}\s+(?:is|es)\s+(?:(?:an?|una?|the|el|la)\s+)?"
          r"(?:[\w-]+\s+){0,3}(?:analyst|fellow|professor|lecturer|columnist|writer|editor"
          r"|correspondent|researcher|economist|journalist|author|scholar|analista|profesor"
          r"|profesora|columnista|investigador|investigadora|economista|periodista|escritor"
          r"|escritora|académico|académica)\s+(?:at|of|for|in|with|on|de|del|en|y|and)\s+"
          r"[^.!?]{0,200}(?:\.(?=\S)[^.!?]{0,40}){0,3}\.", "Jane Doe is a senior fellow at the"
          " Example Institute.", case=True),
    _rule("wire credits", rf"(?:(?i:source)\s*:\s*[A-Z][\w.&' ]{{1,40}}\s*)?"
          rf"\(?(?:{_CREDIT}|{_NAME}\s+reported{_IN_PLACE})"
          rf"(?:\s*[,;]?\s*(?:and\s+)?(?:{_CREDIT}|{_NAME}{_IN_PLACE}))*\)?\.?",
          "Reporting by Jane Doe; Editing by John Roe", case=True),
    _rule("caption", r"\(?\s*(?:(?:photo|image|picture|video|photograph)s?(?:\s+(?:credit|caption"
          r"|source|by))?\s*[:|]|(?:photo|image)\s+(?:credit|caption|source)\s*,)\s*.{1,300}",
          "(Photo: Jane Doe/Reuters)"),
    # A caption's credit at its end, who is where ("(L)"), or "in a file photo".
    _rule("captioned photo", r".{0,300}(?:\((?i:photo|image|picture)s?\s*:[^)]{1,120}\)"
          r"|\b(?i:(?:file\s+)?(?:photo(?:graph)?|picture|image)(?:\s+by)?)\s*:\s*[^.:]{1,60}"
          r"|\((?:L|C|L\s+to\s+R|(?i:left|centre|center|from\s+left))\).{0,300}"
          r"|\b(?i:in\s+(?:a|this)\s+file\s+(?:photo|picture|image)).{0,200}"
          r"|\b[A-Z]{3,}/[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}(?:/[A-Z]\w*)?\s*(?:/\s*File)?"
          # "... on the stage. | Example Video/Example Institute": a credit after a bar.
          r"|\s\|\s*[A-Z][\w.&'’-]*(?:\s+[\w.&'’-]+){0,5}/[A-Z][\w.&'’-]*(?:\s+[\w.&'’-]+){0,7})"
          r"\.?", "Workers at the refinery. REUTERS/Jane Doe", case=True),
    _rule("photo credit", r"(?:file\s+photo(?:\s*[:/–—-].*)?|(?:[\w.]+\s*/\s*)?(?:getty\s+images|"
          r"shutterstock|(?:ap|afp|reuters|epa|ansa|xinhua|tass|efe)(?:\s+photo)?)"
          r"(?:\s*/\s*[\w .'’-]{2,40})?(?:\s*via\s+[\w ]{2,30})?)", "File photo"),
    _rule("older browser", r"(?:you\s+are\s+using\s+an?\s+(?:older|outdated|unsupported)\s+"
          r"browser|please\s+(?:upgrade|update)\s+your\s+browser|(?:please\s+)?(?:enable|activate)\s+"
          r"javascript|javascript\s+is\s+(?:disabled|required)).{0,200}",
          "You are using an older browser version."),
    _rule("registration", r"(?:register\s+(?:now\s+)?(?:for\s+free|to\s+(?:read|continue))"
          r"|sign\s+(?:up|in)\s+(?:now\s+)?(?:for\s+free|to\s+(?:read|continue|keep))"
          r"|log\s+in\s+to\s+(?:read|continue)|already\s+(?:a\s+subscriber|have\s+an\s+account)"
          r"|subscribe\s+(?:now\s+)?(?:to\s+(?:read|continue|unlock)|for\s+full\s+access)"
          r"|create\s+a\s+free\s+account|this\s+(?:article|content)\s+is\s+for\s+subscribers)"
          r".{0,200}", "Register now for FREE unlimited access to Example.com"),
    _rule("cookies", r"(?:we|this\s+(?:site|website))\s+uses?\s+cookies.{0,300}"
          r"|(?:accept|manage|reject)\s+(?:all\s+)?cookies.{0,100}", "We use cookies to..."),
    _rule("article age", r"this\s+(?:article|story|content)\s+is\s+(?:more|over)\s+than\s+"
          r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:years?|months?)\s+old\.?",
          "This article is more than 2 years old"),
    _rule("share", rf"(?:{_SOCIAL}(?:\s+(?:this|the)\s+(?:article|story|page|post)|\s+this)?"
          rf"(?:\s+(?:on|via)\s+{_SOCIAL})?[\s,|•·/]*)+", "Share on Facebook"),
    _rule("newsletter", r"(?:sign\s+up|subscribe)(?:\s+(?:now|today|here))?\s+(?:to|for)\s+"
          r"(?:our|the)\s+[\w ’'-]{0,40}newsletters?.{0,150}|get\s+(?:our|the)\s+[\w ’'-]{0,40}"
          r"newsletter.{0,150}|newsletters?(?:\s+sign[\s-]?up)?:?"
          r"|newsletters?\s*:?\s+(?:get|sign\s+up|subscribe)\b.{0,150}"
          # "Get our weekly briefing in your inbox", "... delivered to your inbox".
          r"|(?:get|receive)\s+(?:our|the)\s+.{0,80}\b(?:in|to|into)\s+your\s+inbox\b.{0,60}"
          r"|.{0,100}\bdelivered\s+(?:straight\s+|directly\s+)?to\s+your\s+inbox\b.{0,60}",
          "Sign up for our daily newsletter"),
    _rule("read more", r"(?:read\s+more|read\s+next|read\s+the\s+full\s+(?:story|article|report)"
          r"(?:\s+(?:and\s+more\s+)?(?:from|at|on)\s+[\w .’'-]{1,40})?\.?"
          r"|see\s+also|more\s+from\s+[\w ]{1,40}|"
          r"related(?:\s+(?:content|coverage|posts|articles|stories|topics|reading))?|recommended"
          r"|most\s+(?:read|popular|viewed)|more\s+on\s+this\s+story|also\s+read|top\s+stories"
          r"|latest\s+(?:articles|news|stories|posts)|weekly\s+recap)"
          r"(?:\s*[:»›>|-]\s*.{0,200})?", "Read more: A headline elsewhere on the site"),
    _rule("navigation", r"(?:skip\s+to\s+(?:main\s+)?content|advertisement|back\s+to\s+top"
          r"(?:\s+button)?|menu|search|home|sections|sign\s+in|log\s+in|subscribe|close"
          r"|listen\s+to\s+(?:this\s+)?article.{0,40}|\d{1,3}\s+min(?:ute)?s?\s+read"
          r"|reading\s+time\s*:?\s*\d{1,3}\s+min(?:ute)?s?|no\s+menu\s+items!?|site\s+icon"
          r"|exit\s+mobile\s+version|download\s+(?:the\s+)?(?:pdf|report|full\s+report)"
          r"|view\s+original|last\s+updated\s*:?|print\s+this\s+(?:page|article)|(?:wechat\s+)?qr\s+code|mo\s+tu\s+we\s+th\s+fr\s+sa\s+su)",
          "Skip to main content"),
    # What a page asks of its reader or says of the story itself: "Click here for…", "This
    # is breaking news. Please check back for updates.", "This article was originally
    # published by…", "Follow us on…", "Leave a Reply", "Estimated reading time 2 minutes",
    # "Join the discussion".
    _rule("call to action", r"(?:[›»>•·]\s*)?(?:\(?\s*click\s+here\b.{0,150}"
          r"|(?:this\s+is\s+(?:a\s+)?(?:breaking|developing)\s+(?:news|story)\.?\s*)?(?:please\s+)?"
          r"check\s+back\s+(?:later\s+)?for\s+(?:updates|more).{0,40}"
          r"|this\s+is\s+(?:a\s+)?(?:breaking|developing)\s+(?:news|story)(?:\s+alert)?\.?"
          r"|this\s+(?:article|story|piece|post)\s+(?:was|is|has\s+been)\s+(?:originally\s+|first\s+)?"
          r"(?:published|posted|appeared)\s+(?:by|on|in|at)\s+.{1,80}"
          r"|(?:follow|join)\s+us\s+on\s+.{1,80}|join\s+our\s+[\w ]{0,20}(?:channel|group).{0,100}"
          # The comments under a story: "Join the conversation", "Join our commenting forum".
          r"|join\s+(?:our|the)\s+(?:[\w-]+\s+){0,2}(?:forum|conversation|discussion)s?"
          r"(?:[\s.,:;!].{0,150})?|join\s+[\w-]+\s+(?:conversations|discussions)\b.{0,150}"
          r"|learn\s+more|show\s+more|load\s+more|leave\s+a\s+(?:reply|comment)"
          r"|your\s+email\s+address\s+will\s+not\s+be\s+published.{0,100}|article\s+content"
          r"|estimated\s+reading\s+time\s*:?\s*\d{1,3}\s+min(?:ute)?s?(?:\s+\d{1,3}\s+min)?)",
          "This is breaking news. Please check back for updates."),
    # A source named alone on its line under a story or a table: "Source: Example Wire".
    _rule("source line", r"(?i:source|sources|fuente|fuentes)\s*:\s*[A-Z][\w.&'’ ,-]{1,60}\.?",
          "Source: Example Wire", case=True),
    _rule("breadcrumb", r"[\w&’' -]{1,40}(?:\s*[›»>]\s*[\w&’' -]{1,40}){1,6}"
          r"|home(?:\s*[|/]\s*[\w&’' -]{1,40}){1,6}|(?-i:Home[A-Z]).{0,200}",
          "Home › World › Americas"),
    # A kicker or a site's section bar: "ANALYSIS", "Shipping | Analysis", "Example Ledger |
    # Markets | Opinion", "Policy Brief No. 41 | Security Program": short items between bars.
    _rule("kicker", r"(?:analysis|opinion|exclusive|commentary|editorial|feature|interview|"
          r"explainer|breaking(?:\s+news)?|news\s+analysis|insight|briefing)"
          r"|[^|·•]{1,60}(?:\s+[|·•]\s+[^|·•]{1,60}){1,6}", "Shipping | Analysis"),
    _rule("copyright", r"(?:©|\(c\)|copyright\s*©?)\s*\d{4}.{0,200}|©.{0,200}"
          r"|(?:todos\s+los\s+derechos\s+reservados|all\s+rights\s+reserved)\.?",
          "© 2024 Example Institute. All rights reserved."),
    # Spanish pages (docs/ingest.md, Spanish): the same kinds of line in Spanish.
    _rule("fecha", rf"(?:[A-ZÁÉÍÓÚ][\w ]{{1,40}},\s*)?(?:(?:actualizado|publicado|última\s+"
          rf"actualización|fecha)(?:\s+el)?\s*:?\s*)?(?:{_FECHA}|\d{{1,2}}/\d{{1,2}}/\d{{2,4}})"
          rf"{_HORA}", "Buenos Aires, 14 de marzo de 2023 - 08:15 h"),
    _rule("firma", rf"(?:(?i:por|autor|autora|autores)\s*:?\s+)(?:(?:Dr|Dra|Lic|Sr|Sra|Prof)\.\s+)?"
          rf"{_NAME}(?:\s*(?:,|y|e)\s*{_NAME})*(?:\s*,\s*(?i:[\w ]{{0,30}}(?:investigador|"
          r"investigadora|corresponsal|redactor|redactora|periodista|enviado|enviada|editor"
          r"|editora|analista|director|directora|columnista|colaborador|colaboradora|escritor"
          r"|escritora|economista|profesor|profesora)[\w ]{0,30}))?", "Por Carmen Salazar",
          case=True),
    _rule("créditos", rf"\(?{_CREDITO}\s+{_NAME}(?:\s+en\s+[A-Z]\w+)?"
          rf"(?:\s*[;,]\s*{_CREDITO}\s+{_NAME}(?:\s+en\s+[A-Z]\w+)?)*\)?\.?",
          "(Información de Carmen Salazar; Editado por Luis Pérez)", case=True),
    _rule("pie de foto", r"\(?\s*(?:foto(?:grafía)?|imagen|vídeo|video)s?(?:\s+de\s+archivo)?"
          r"\s*[:|]\s*.{1,300}|foto\s+de\s+archivo.{0,200}", "Foto: Una calle de Caracas."),
    _rule("suscripción", r"(?:suscríbete|suscríbase|hazte\s+suscriptor|regístrate|regístrese|"
          r"inicia\s+sesión|inicie\s+sesión|ya\s+eres\s+suscriptor)(?:\b.{0,200})?",
          "Suscríbete"),
    _rule("cookies en español", r"(?:utilizamos|usamos|este\s+sitio(?:\s+web)?\s+(?:utiliza|usa))"
          r"\s+cookies.{0,300}|(?:aceptar|configurar|rechazar)\s+(?:todas\s+las\s+)?cookies.{0,100}"
          r"|política\s+de\s+cookies", "Utilizamos cookies propias y de terceros."),
    _rule("antigüedad", r"est[ea]\s+(?:artículo|noticia|contenido)\s+tiene\s+más\s+de\s+"
          r"(?:\d+|un|una|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez)\s+(?:años?|meses?)\.?",
          "Este artículo tiene más de 2 años"),
    _rule("compartir", rf"(?:{_SOCIAL_ES}(?:\s+(?:este|esta|el|la)\s+(?:artículo|noticia|nota))?"
          rf"(?:\s+(?:en|por)\s+{_SOCIAL_ES})?[\s,|•·/]*)+", "Compartir en X"),
    _rule("boletín", r"(?:suscríbete|suscríbase|apúntate|recibe|reciba)\s+(?:a\s+)?(?:nuestro|"
          r"nuestros|el|los)\s+[\w ’'-]{0,40}(?:boletín|boletines|newsletter).{0,150}",
          "Recibe nuestro boletín diario"),
    _rule("lea también", r"(?:(?:lea|lee|leer|ver|vea|mira)\s+(?:también|además|más)"
          r"|te\s+puede\s+interesar|le\s+puede\s+interesar|noticias\s+relacionadas"
          r"|contenido\s+relacionado|relacionad[oa]s?|(?:lo\s+)?más\s+leíd[oa]s?"
          r"|más\s+información|últimas\s+noticias)(?:\s*[:»›>|-]\s*.{0,200})?",
          "Lea también: Un titular del sitio"),
    _rule("navegación", r"(?:(?:(?:omitir\s+para\s+)?ir|pasar|saltar)\s+al\s+contenido"
          r"(?:\s+principal)?"
          r"|autor(?:es|as?)?|publicidad|anuncio|volver\s+"
          r"arriba|menú|buscar|inicio|portada|cerrar|escuchar(?:\s+(?:este\s+)?(?:artículo|noticia))?"
          r"|\d{1,3}\s+min(?:utos)?\s+de\s+lectura|tiempo\s+de\s+lectura\s*:?\s*\d{1,3}"
          r"\s+min(?:utos)?|descargar\s+(?:el\s+)?(?:pdf|informe))", "Publicidad"),
    _rule("síguenos", r".{0,80}\b(?:síguenos|siguiéndonos|síganos)\b.{0,200}"
          r"|únete\s+a\s+nuestro\s+(?:grupo|canal).{0,200}",
          "Síguenos en X y únete a nuestro canal de WhatsApp."),
    _rule("antetítulo", r"(?:análisis|opinión|exclusiva|entrevista|editorial|tribuna|reportaje"
          r"|última\s+hora|crónica)", "ANÁLISIS"),
)
# fmt: on

# A dateline opening a paragraph: the place in capitals, an optional region and news agency,
# then a dash ("CARACAS, Venezuela (Reuters) - ", "MOSCOW — ", "WASHINGTON (AP) — "); or the
# wire's older form with the date and no dash ("HOUSTON/CARACAS March 31 ").
_DATELINE_PREFIX = re.compile(
    r"(?:[A-Z][A-Z.'’-]+(?:\s[A-Z][A-Z.'’-]+){0,3}(?:/[A-Z][A-Z.'’ -]+)*)"
    r"(?:,\s+[A-Z][\w.]+(?:\s[A-Z][\w.]+){0,2})?"
    rf"(?:\s*(?:,\s*)?(?i:{_MONTH})\s+\d{{1,2}}(?:,\s+\d{{4}})?"
    rf"|\s*,\s*\d{{1,2}}\s+(?:de\s+)?(?i:{_MES})(?:\s+(?:de\s+)?\d{{4}})?)?"
    r"(?:\s*\((?:[A-Z][\w .&-]{1,30})\))?"
    r"(?:\s*\.?[-–—]+\s+|(?<=\d)\s+(?=[A-Z]))"
)
_MIN_PLACE_LETTERS = 3
# A place written as a sentence of its own before the story, as Spanish copy does ("Ciudad de
# México. En octubre, …", "Washington. El ministro dijo …"): capitalised words, a full stop,
# then the story's first word; not an abbreviated title ("Sr. Pérez", "Prof. Ruiz").
_PLACE_SENTENCE = re.compile(
    r"(?P<place>[A-ZÁÉÍÓÚÑ][a-záéíóúñ’'-]{2,}(?:\s+(?:de|del|la|las|los|el|y|[A-ZÁÉÍÓÚÑ]"
    r"[a-záéíóúñ’'-]+)){0,3})\.\s+(?=[A-ZÁÉÍÓÚÑ¿¡“\"][^.!?]{30})"
)
_ABBREVIATED = frozenset({"Prof", "Gral", "Pres", "Dept", "Corp", "Lic", "Ing", "Arq", "Mons"})


# Markdown emphasis around or inside a line ("**Newsletter** Get…", "*A caption. Photo: …*").
_EMPHASIS = re.compile(r"\*{1,3}|(?<!\w)_{1,3}|_{1,3}(?!\w)")


def furniture_rule(line: str) -> str | None:
    """The name of the first rule the whole of `line` (stripped, Markdown emphasis aside)
    matches, else None."""
    text = _EMPHASIS.sub("", line).strip().lstrip("•·").strip()
    if not text:
        return None
    return next((rule.name for rule in RULES if rule.pattern.fullmatch(text)), None)


def dateline_length(line: str) -> int:
    """How many leading characters of `line` are a dateline followed by the story, else 0."""
    match = _DATELINE_PREFIX.match(line)
    if match is None and (place := _PLACE_SENTENCE.match(line)) is not None:
        return 0 if place["place"].split()[-1] in _ABBREVIATED else place.end()
    if match is None or match.end() >= len(line):
        return 0
    place = re.match(r"[A-Z.'’-]+", line)
    if place is None or sum(c.isalpha() for c in place[0]) < _MIN_PLACE_LETTERS:
        return 0
    return match.end()
