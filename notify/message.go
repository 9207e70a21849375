// Package notify delivers the outbox: it renders each notification in its
// recipient's language and sends it by email, with retries.
//
// The services write notifications in the transaction of the change they
// announce (see lastseen.Notification); this package only reads and sends
// them. A death reaches the outbox only once a caseworker has verified it,
// so the worker may send whatever it finds there.
package notify

import (
	"encoding/json"
	"fmt"

	"github.com/lastseen/lastseen"
)

// Message is a rendered notification.
type Message struct {
	Subject string
	Body    string
}

// payload is what the services put in a notification (see sqldb's
// refreshInquiry).
type payload struct {
	InquiryID int64                `json:"inquiry_id"`
	State     string               `json:"state"`
	Status    lastseen.Status      `json:"status"`
	AsOf      lastseen.PartialDate `json:"as_of"`
	Verified  bool                 `json:"verified"`
	Method    string               `json:"method"`
}

// Languages are the languages messages are written in; others get English.
var Languages = []string{"en", "ru", "uk"}

// texts holds every sentence of every message, by language. Adding a key
// means adding it in every language: TestTextsComplete fails otherwise.
var texts = map[string]map[string]string{
	"en": {
		"subject.candidate_found": "Inquiry %d: records found",
		"subject.status":          "Inquiry %d: news",
		"candidate_found":         "We may have found records about the person you are looking for. A caseworker is checking them; we will write again when there is something we can tell you.",
		"status.alive":            "The person you are looking for has been reported alive",
		"status.captured":         "The person you are looking for has been reported as a prisoner or detained",
		"status.wounded":          "The person you are looking for has been reported wounded, and alive",
		"status.dead":             "We are deeply sorry. A caseworker has verified that the person you are looking for has died",
		"as_of":                   " (as of %s).",
		"no_date":                 ".",
		"verified":                "A caseworker verified this: %s.",
		"follow":                  "Open the link you received when you filed inquiry %d to see what is known. Reply to this message if you need to talk to a caseworker.",
	},
	"ru": {
		"subject.candidate_found": "Запрос %d: найдены сведения",
		"subject.status":          "Запрос %d: новости",
		"candidate_found":         "Возможно, мы нашли сведения о человеке, которого вы ищете. Специалист их проверяет; мы напишем снова, когда сможем что-то сообщить.",
		"status.alive":            "Человек, которого вы ищете, по сообщениям, жив",
		"status.captured":         "Человек, которого вы ищете, по сообщениям, находится в плену или задержан",
		"status.wounded":          "Человек, которого вы ищете, по сообщениям, ранен и жив",
		"status.dead":             "Нам очень жаль. Специалист подтвердил, что человек, которого вы ищете, погиб",
		"as_of":                   " (на %s).",
		"no_date":                 ".",
		"verified":                "Это подтверждено специалистом: %s.",
		"follow":                  "Откройте ссылку, полученную при подаче запроса %d, чтобы узнать подробности. Ответьте на это письмо, если хотите поговорить со специалистом.",
	},
	"uk": {
		"subject.candidate_found": "Запит %d: знайдено відомості",
		"subject.status":          "Запит %d: новини",
		"candidate_found":         "Можливо, ми знайшли відомості про людину, яку ви шукаєте. Фахівець їх перевіряє; ми напишемо знову, коли зможемо щось повідомити.",
		"status.alive":            "Людина, яку ви шукаєте, за повідомленнями, жива",
		"status.captured":         "Людина, яку ви шукаєте, за повідомленнями, перебуває в полоні або затримана",
		"status.wounded":          "Людина, яку ви шукаєте, за повідомленнями, поранена і жива",
		"status.dead":             "Нам дуже шкода. Фахівець підтвердив, що людина, яку ви шукаєте, загинула",
		"as_of":                   " (станом на %s).",
		"no_date":                 ".",
		"verified":                "Це підтвердив фахівець: %s.",
		"follow":                  "Відкрийте посилання, отримане під час подання запиту %d, щоб дізнатися подробиці. Дайте відповідь на цей лист, якщо хочете поговорити з фахівцем.",
	},
}

// Render writes a notification in the language of its subscription. It
// refuses what it cannot say right — an unknown kind or status, and a death
// that is not marked verified — rather than send something wrong to a
// family.
func Render(d *lastseen.Delivery) (Message, error) {
	t, ok := texts[d.Language]
	if !ok {
		t = texts["en"]
	}
	var p payload
	if err := json.Unmarshal([]byte(d.Payload), &p); err != nil {
		return Message{}, fmt.Errorf("notification %d: payload: %w", d.ID, err)
	}
	follow := fmt.Sprintf(t["follow"], p.InquiryID)
	switch d.Kind {
	case lastseen.NotifyCandidateFound:
		return Message{
			Subject: fmt.Sprintf(t["subject.candidate_found"], p.InquiryID),
			Body:    t["candidate_found"] + "\n\n" + follow + "\n",
		}, nil
	case lastseen.NotifyStatus:
		sentence, ok := t["status."+string(p.Status)]
		if !ok {
			return Message{}, fmt.Errorf("notification %d: no message for status %q", d.ID, p.Status)
		}
		if p.Status == lastseen.StatusDead && !p.Verified {
			return Message{}, fmt.Errorf("notification %d: a death that no caseworker verified is never sent", d.ID)
		}
		if p.AsOf.IsZero() {
			sentence += t["no_date"]
		} else {
			sentence += fmt.Sprintf(t["as_of"], p.AsOf)
		}
		body := sentence
		if p.Verified && p.Method != "" {
			body += "\n" + fmt.Sprintf(t["verified"], p.Method)
		}
		return Message{
			Subject: fmt.Sprintf(t["subject.status"], p.InquiryID),
			Body:    body + "\n\n" + follow + "\n",
		}, nil
	}
	return Message{}, fmt.Errorf("notification %d: unknown kind %q", d.ID, d.Kind)
}
