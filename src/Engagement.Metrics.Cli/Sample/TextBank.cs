using System.Globalization;

namespace Engagement.Metrics.Cli.Sample;

/// <summary>
/// Template banks of customer-service sentences in English and Spanish, written for this generator (no real people,
/// no real brands). A message is an optional greeting, a core sentence chosen by reason and mood, and an optional
/// closing; placeholders ({order}, {days}, {amount}) are filled from the customer's random stream, so the same seed
/// always gives the same text.
/// </summary>
internal static class TextBank
{
    public static readonly string[] Reasons = ["billing", "delivery", "technical", "account", "product_info", "cancellation"];

    private static readonly string[][] Greeting =
    [
        ["", "", "Hi, ", "Hello, ", "Good morning, ", "Hi there, ", "Hey, "],
        ["", "", "Hola, ", "Buenos días, ", "Buenas tardes, ", "Hola, qué tal, "],
    ];

    private static readonly string[][] Closing =
    [
        ["", "", " Thanks.", " Thank you in advance.", " Can you help?", " Please let me know.", " Cheers."],
        ["", "", " Gracias.", " Muchas gracias de antemano.", " ¿Me podéis ayudar?", " Quedo atento.", " Un saludo."],
    ];

    // [language][reason] neutral questions.
    private static readonly string[][][] Question =
    [
        [
            ["I have a question about my last invoice, it shows {amount} and I expected less.", "Could you explain the extra charge on this month's bill?", "How do I change the card you charge every month?", "Can I get a copy of invoice {order} for my records?"],
            ["Where is my order {order}? The tracking has not moved since Monday.", "Can I change the delivery address for order {order}?", "The parcel says delivered but I can't find it, what should I do?", "When will order {order} arrive?"],
            ["The app logs me out every time I open it.", "I can't connect the device to my wifi, the light keeps blinking.", "The website gives me an error when I try to pay.", "How do I reset the settings to factory defaults?"],
            ["I need to update my email address on the account.", "How can I add a second user to my account?", "I forgot my password and the reset email never arrives.", "Can you merge my two accounts into one?"],
            ["Does the premium plan include international shipping?", "Is the new model compatible with the one I already have?", "Do you have this in a larger size?", "What is the difference between the basic and the plus plan?"],
            ["How do I cancel my subscription?", "I want to close my account, what are the steps?", "Can I pause my plan for a couple of months instead of cancelling?", "Please tell me how to stop the automatic renewal."],
        ],
        [
            ["Tengo una duda con la última factura, aparecen {amount} y esperaba menos.", "¿Me podéis explicar el cargo extra de este mes?", "¿Cómo cambio la tarjeta en la que me cobráis cada mes?", "¿Me mandáis una copia de la factura {order}?"],
            ["¿Dónde está mi pedido {order}? El seguimiento no se mueve desde el lunes.", "¿Puedo cambiar la dirección de entrega del pedido {order}?", "Pone entregado pero no tengo el paquete, ¿qué hago?", "¿Cuándo llega el pedido {order}?"],
            ["La aplicación me cierra la sesión cada vez que la abro.", "No consigo conectar el aparato al wifi, la luz no deja de parpadear.", "La web me da un error al pagar.", "¿Cómo restablezco la configuración de fábrica?"],
            ["Necesito cambiar el correo de mi cuenta.", "¿Cómo añado otro usuario a mi cuenta?", "He olvidado la contraseña y no me llega el correo para cambiarla.", "¿Podéis unir mis dos cuentas en una?"],
            ["¿El plan premium incluye envíos internacionales?", "¿El modelo nuevo es compatible con el que ya tengo?", "¿Lo tenéis en una talla más grande?", "¿Qué diferencia hay entre el plan básico y el plus?"],
            ["¿Cómo doy de baja la suscripción?", "Quiero cerrar mi cuenta, ¿qué tengo que hacer?", "¿Puedo pausar el plan un par de meses en vez de darme de baja?", "Decidme cómo quitar la renovación automática, por favor."],
        ],
    ];

    // [language][reason] complaints.
    private static readonly string[][][] Complaint =
    [
        [
            ["You charged me twice this month and nobody has answered my emails. This is unacceptable.", "Again a wrong invoice. I am tired of checking every bill myself.", "I was charged {amount} after I cancelled the add-on. Refund it please."],
            ["Order {order} is {days} days late and nobody tells me anything. Very disappointed.", "The box arrived broken and half of the items are missing.", "Third time the courier fails to deliver. Terrible service."],
            ["The device stopped working again after the update. Really frustrating.", "Still broken after two calls with support. I am losing patience.", "The app is useless, it crashes every single time."],
            ["I have been locked out of my account for {days} days. This is ridiculous.", "Nobody fixed the problem with my login, I had to explain it three times.", "You changed my plan without asking me. Not happy at all."],
            ["The product is not what the website described, very poor quality.", "Your advisor gave me the wrong information and now I have to pay more.", "I asked a simple question a week ago and I still have no answer."],
            ["Cancel my account now. I have had enough of the problems.", "I want to cancel, the service got worse and the price went up.", "Please close my account, I am moving to another provider."],
        ],
        [
            ["Me habéis cobrado dos veces este mes y nadie contesta mis correos. Es inaceptable.", "Otra vez una factura mal. Estoy harto de revisar cada recibo.", "Me cobrasteis {amount} después de cancelar el extra. Devolvédmelo, por favor."],
            ["El pedido {order} lleva {days} días de retraso y nadie me dice nada. Muy decepcionado.", "La caja llegó rota y faltan la mitad de los artículos.", "Es la tercera vez que el repartidor no entrega. Un servicio pésimo."],
            ["El aparato ha vuelto a fallar después de la actualización. Muy frustrante.", "Sigue roto después de dos llamadas al soporte. Se me acaba la paciencia.", "La aplicación no sirve, se cierra cada vez."],
            ["Llevo {days} días sin poder entrar en mi cuenta. Es ridículo.", "Nadie ha arreglado el problema del acceso, lo he explicado tres veces.", "Me cambiasteis el plan sin preguntarme. Nada contento."],
            ["El producto no es lo que decía la web, la calidad es muy mala.", "El asesor me dio información equivocada y ahora tengo que pagar más.", "Hice una pregunta sencilla hace una semana y sigo sin respuesta."],
            ["Dadme de baja ya. Estoy cansado de tantos problemas.", "Quiero darme de baja, el servicio ha empeorado y ha subido el precio.", "Cerrad mi cuenta, por favor, me voy a otra compañía."],
        ],
    ];

    private static readonly string[][] Praise =
    [
        ["Just wanted to say the technician today was excellent, very professional.", "Great service as always, the order arrived a day early!", "Thank you for the quick help yesterday, everything works perfectly now.", "Love the new app update, much easier to use.", "Your colleague on the phone was super helpful and kind."],
        ["Solo quería decir que el técnico de hoy fue excelente, muy profesional.", "Un servicio genial como siempre, ¡el pedido llegó un día antes!", "Gracias por la ayuda rápida de ayer, ahora todo funciona perfectamente.", "Me encanta la nueva versión de la app, mucho más fácil.", "Vuestra compañera del teléfono fue muy amable y resolutiva."],
    ];

    private static readonly string[][] FollowUpHappy =
    [
        ["Perfect, that solved it. Thank you so much!", "Great, thanks for the fast answer.", "That worked, really appreciate your help.", "Brilliant, all sorted now. Have a nice day!", "Thanks a lot, very clear explanation."],
        ["Perfecto, eso lo ha solucionado. ¡Muchísimas gracias!", "Genial, gracias por la respuesta tan rápida.", "Funcionó, os agradezco mucho la ayuda.", "Estupendo, ya está todo resuelto. ¡Buen día!", "Muchas gracias, explicación muy clara."],
    ];

    private static readonly string[][] FollowUpNeutral =
    [
        ["Ok, I will try that and let you know.", "Understood. When will it be done?", "Fine, I'll wait for the email then.", "Ok thanks, I'll check tonight.", "Alright, please keep me updated."],
        ["Vale, lo pruebo y os digo.", "Entendido. ¿Cuándo estará hecho?", "De acuerdo, espero entonces el correo.", "Vale, gracias, lo miro esta noche.", "Muy bien, mantenedme informado."],
    ];

    private static readonly string[][] FollowUpUnhappy =
    [
        ["That doesn't help. It still doesn't work.", "I already tried that twice. Not good enough.", "This is the same answer as last time and nothing changed.", "Still waiting. Very poor service.", "Honestly I'm disappointed, nobody takes responsibility."],
        ["Eso no ayuda. Sigue sin funcionar.", "Ya lo he probado dos veces. No es suficiente.", "Es la misma respuesta que la última vez y nada ha cambiado.", "Sigo esperando. Muy mal servicio.", "Sinceramente estoy decepcionado, nadie se hace responsable."],
    ];

    private static readonly string[][] Terse =
    [
        ["ok", "fine", "ok.", "k", "no", "whatever", "still nothing", "?"],
        ["vale", "ok", "bueno", "no", "nada", "sigo igual", "ya", "?"],
    ];

    // [language][reason] agent answers.
    private static readonly string[][][] AgentAnswer =
    [
        [
            ["I have checked your account and corrected the charge; you will see the refund in 3 to 5 days.", "The extra amount is the annual fee; I have sent you the breakdown by email.", "I've updated the payment card, the next charge will use the new one."],
            ["Your order {order} is with the courier and should arrive tomorrow.", "I have opened a claim with the courier and will send a replacement today.", "The delivery address is updated for order {order}."],
            ["Please update the app to the latest version and sign in again; that fixes the logout issue.", "I've reset the device remotely, please unplug it for 30 seconds and try again.", "I've escalated this to our technical team and will call you within 24 hours."],
            ["Done, your email address is updated.", "I've sent a new password link, please check your spam folder too.", "Your accounts are merged; you can log in with your usual email."],
            ["Yes, the premium plan includes international shipping at no extra cost.", "Both models are compatible; you only need the adapter that comes in the box.", "The plus plan adds priority support and free returns."],
            ["I'm sorry to see you go. I have processed the cancellation; you will get a confirmation email.", "I can pause your plan for up to three months instead, would that help?", "Before you leave, I can offer you two months at half price."],
        ],
        [
            ["He revisado tu cuenta y corregido el cargo; verás la devolución en 3 a 5 días.", "El importe extra es la cuota anual; te he enviado el desglose por correo.", "He actualizado la tarjeta, el próximo cargo irá a la nueva."],
            ["Tu pedido {order} está con el transportista y debería llegar mañana.", "He abierto una reclamación con el transportista y hoy te enviamos otro.", "La dirección de entrega del pedido {order} ya está actualizada."],
            ["Actualiza la app a la última versión y vuelve a iniciar sesión; así se corrige el cierre.", "He reiniciado el aparato a distancia, desenchúfalo 30 segundos y prueba de nuevo.", "Lo he pasado al equipo técnico y te llamamos en 24 horas."],
            ["Hecho, tu correo ya está actualizado.", "Te he enviado un enlace nuevo para la contraseña, mira también en spam.", "Tus cuentas ya están unidas; entra con tu correo de siempre."],
            ["Sí, el plan premium incluye envíos internacionales sin coste.", "Los dos modelos son compatibles; solo necesitas el adaptador que viene en la caja.", "El plan plus añade soporte prioritario y devoluciones gratis."],
            ["Sentimos que te vayas. He tramitado la baja; te llegará un correo de confirmación.", "Puedo pausarte el plan hasta tres meses, ¿te serviría?", "Antes de irte, te puedo ofrecer dos meses a mitad de precio."],
        ],
    ];

    private static readonly string[][] AgentClosing =
    [
        ["You're welcome! Anything else, just write to us.", "Glad it's sorted. Have a great day!", "Thanks for your patience, I'm closing this request now.", "Happy to help. I'll mark this as solved."],
        ["¡De nada! Para cualquier cosa, escríbenos.", "Me alegro de que esté resuelto. ¡Que tengas buen día!", "Gracias por tu paciencia, cierro la consulta.", "Encantados de ayudar. Lo marco como resuelto."],
    ];

    private static readonly string[][] Proactive =
    [
        ["Your order {order} has shipped. Reply here if you have any question.", "Reminder: your plan renews next week. Reply if you want to change anything.", "How was your last delivery? Reply with any comment, we read them all.", "We noticed a failed payment; reply here and we'll help you fix it.", "Your appointment is confirmed for tomorrow morning. Reply to reschedule."],
        ["Tu pedido {order} ya ha salido. Responde aquí si tienes alguna duda.", "Recordatorio: tu plan se renueva la semana que viene. Responde si quieres cambiar algo.", "¿Qué tal tu última entrega? Respóndenos con cualquier comentario, los leemos todos.", "Hemos visto un pago rechazado; responde aquí y te ayudamos a solucionarlo.", "Tu cita está confirmada para mañana por la mañana. Responde para cambiarla."],
    ];

    private static readonly string[][] ReviewGood =
    [
        ["Excellent service, fast delivery and friendly support.", "Very happy with the product and the help I got.", "Five stars, they solved my problem in minutes.", "Great value and the app is easy to use.", "Reliable and quick, I recommend them."],
        ["Servicio excelente, entrega rápida y atención muy amable.", "Muy contento con el producto y con la ayuda recibida.", "Cinco estrellas, me resolvieron el problema en minutos.", "Buena relación calidad precio y la app es fácil.", "Fiables y rápidos, los recomiendo."],
    ];

    private static readonly string[][] ReviewMixed =
    [
        ["Good product but delivery took longer than promised.", "Support was ok, although I had to call twice.", "Decent service, the price went up a bit too much.", "Fine overall, the app could be better."],
        ["Buen producto pero la entrega tardó más de lo prometido.", "El soporte bien, aunque tuve que llamar dos veces.", "Servicio correcto, el precio ha subido demasiado.", "En general bien, la app podría mejorar."],
    ];

    private static readonly string[][] ReviewBad =
    [
        ["Terrible experience, charged twice and no refund yet.", "Awful support, nobody answers and the device is still broken.", "Late delivery, damaged box, and rude staff. Avoid.", "Very disappointed, cancelling after years as a customer."],
        ["Experiencia horrible, me cobraron dos veces y sin devolución.", "Soporte pésimo, nadie contesta y el aparato sigue roto.", "Entrega tarde, caja dañada y trato maleducado. Evitadlos.", "Muy decepcionado, me doy de baja después de años."],
    ];

    private static readonly string[][] MentionGood =
    [
        ["Shout out to the support team, fixed my issue in 5 minutes", "New app update is really smooth, well done", "Order arrived early again, impressed", "Best customer service I've had this year"],
        ["Gracias al equipo de soporte, me lo arreglaron en 5 minutos", "La nueva versión de la app va genial", "El pedido llegó antes de tiempo otra vez, impresionado", "La mejor atención al cliente que he tenido este año"],
    ];

    private static readonly string[][] MentionNeutral =
    [
        ["Does anyone know if the premium plan ships abroad?", "Thinking about switching plans, any advice?", "Is the website down for anyone else?", "Just ordered the new model, let's see"],
        ["¿Alguien sabe si el plan premium envía al extranjero?", "Pensando en cambiar de plan, ¿algún consejo?", "¿A alguien más no le carga la web?", "Acabo de pedir el modelo nuevo, a ver qué tal"],
    ];

    private static readonly string[][] MentionBad =
    [
        ["Third week waiting for a refund. Terrible", "Support keeps me on hold for an hour, awful", "Charged twice again, this is getting ridiculous", "Worst delivery experience ever, box destroyed"],
        ["Tercera semana esperando la devolución. Fatal", "El soporte me tiene una hora en espera, horrible", "Otra vez me cobran dos veces, esto es ridículo", "La peor entrega de mi vida, la caja destrozada"],
    ];

    public static string Inbound(SampleRandom rng, int language, int reason, double mood)
    {
        string core = mood > 0.55 && rng.Chance(0.5) ? rng.Pick(Praise[language])
            : mood < -0.2 ? rng.Pick(Complaint[language][reason])
            : rng.Pick(Question[language][reason]);
        string greeting = rng.Pick(Greeting[language]);
        if (greeting.Length > 0 && !core.StartsWith("I ", StringComparison.Ordinal) && !core.StartsWith("I'", StringComparison.Ordinal) )
        {
            int first = core.StartsWith('¿') ? 1 : 0;
            core = core[..first] + char.ToLowerInvariant(core[first]) + core[(first + 1)..];
        }

        return Fill(rng, greeting + core + rng.Pick(Closing[language]));
    }

    /// <summary>A customer's follow-up: happy, neutral, unhappy, or terse when the customer is disengaging.</summary>
    public static string FollowUp(SampleRandom rng, int language, double mood, double engagement)
    {
        if (rng.Chance(0.7 * (1 - engagement)))
        {
            return rng.Pick(Terse[language]);
        }

        string[] bank = mood > 0.3 ? FollowUpHappy[language] : mood < -0.2 ? FollowUpUnhappy[language] : FollowUpNeutral[language];
        return Fill(rng, rng.Pick(bank));
    }

    public static string Agent(SampleRandom rng, int language, int reason) => Fill(rng, rng.Pick(AgentAnswer[language][reason]));

    public static string AgentClose(SampleRandom rng, int language) => rng.Pick(AgentClosing[language]);

    public static string ProactiveMessage(SampleRandom rng, int language) => Fill(rng, rng.Pick(Proactive[language]));

    public static string Review(SampleRandom rng, int language, double rating) =>
        rng.Pick(rating >= 4 ? ReviewGood[language] : rating >= 3 ? ReviewMixed[language] : ReviewBad[language]);

    public static string Mention(SampleRandom rng, int language, double mood) =>
        rng.Pick(mood > 0.3 ? MentionGood[language] : mood < -0.3 ? MentionBad[language] : MentionNeutral[language]);

    private static string Fill(SampleRandom rng, string template)
    {
        if (!template.Contains('{', StringComparison.Ordinal))
        {
            return template;
        }

        return template
            .Replace("{order}", "#" + rng.Int(100_000, 999_999).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{days}", rng.Int(3, 15).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{amount}", (rng.Int(1500, 12000) / 100.0).ToString("0.00", CultureInfo.InvariantCulture) + " EUR", StringComparison.Ordinal);
    }
}
