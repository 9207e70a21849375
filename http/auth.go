package http

import (
	"crypto/subtle"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/lastseen/lastseen"
	"github.com/lastseen/lastseen/secret"
)

// TokenLifetime is how long a sign-in token lasts.
const TokenLifetime = 12 * time.Hour

func (s *Server) registerAuthRoutes(mux *http.ServeMux) {
	mux.HandleFunc("POST /api/v1/auth/token", s.handleCreateToken)
}

// tokenResponse is the body of a successful sign-in.
type tokenResponse struct {
	Token     string        `json:"token"`
	TokenType string        `json:"token_type"` // always "Bearer"
	ExpiresAt time.Time     `json:"expires_at"`
	User      lastseen.User `json:"user"`
}

// handleCreateToken signs a user in: {"email", "password"} → a bearer token,
// stored as an API key of the user's role whose secret only the caller
// knows. A wrong email and a wrong password get the same 401, in about the
// same time.
func (s *Server) handleCreateToken(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	var p lastseen.Problems
	var email, password string
	err := decodeBody(w, r, &p, func(f fields, m member) bool {
		switch m.name {
		case "email":
			f.decode(m.name, m.value, &email, "a string")
		case "password":
			f.decode(m.name, m.value, &password, "a string")
		default:
			return false
		}
		return true
	})
	if err != nil {
		s.Error(w, r, err)
		return
	}
	if len(p) == 0 {
		if strings.TrimSpace(email) == "" {
			p.Add("email", "is required")
		}
		if password == "" {
			p.Add("password", "is required")
		}
	}
	if err := p.Err(); err != nil {
		s.Error(w, r, err)
		return
	}
	if s.UserService == nil || s.APIKeyService == nil {
		s.Error(w, r, lastseen.Errorf(lastseen.EINTERNAL, "sign-in: no user or API key service"))
		return
	}
	wrong := lastseen.Errorf(lastseen.EUNAUTHORIZED, "Wrong email or password.")
	u, err := s.UserService.FindUserByEmail(ctx, email)
	if lastseen.ErrorCode(err) == lastseen.ENOTFOUND {
		secret.CheckPassword(dummyHash(), password) // the same work as a real check
		s.Error(w, r, wrong)
		return
	} else if err != nil {
		s.Error(w, r, err)
		return
	}
	if ok, err := secret.CheckPassword(u.PasswordHash, password); err != nil || !ok {
		s.Error(w, r, wrong)
		return
	}
	prefix := "ls" + randomToken(6)
	sec, err := secret.NewToken()
	if err != nil {
		s.Error(w, r, err)
		return
	}
	token := prefix + "." + sec
	expires := time.Now().Add(TokenLifetime).UTC().Truncate(time.Second)
	k := &lastseen.APIKey{Name: "sign-in", UserID: u.ID, Role: u.Role, Prefix: prefix,
		Hash: secret.HashToken(token), ExpiresAt: &expires}
	actx := lastseen.NewContextWithActor(ctx, &lastseen.Actor{Role: u.Role, UserID: u.ID})
	if err := s.APIKeyService.CreateAPIKey(actx, k); err != nil {
		s.Error(w, r, err)
		return
	}
	u.PasswordHash = ""
	s.writeJSON(w, r, http.StatusCreated, tokenResponse{Token: token, TokenType: "Bearer", ExpiresAt: expires, User: *u})
}

var dummy struct {
	once sync.Once
	hash string
}

// dummyHash is a password hash to check against when there is no user, so
// that an unknown email costs what a wrong password costs.
func dummyHash() string {
	dummy.once.Do(func() {
		dummy.hash, _ = secret.HashPassword(randomToken(16), secret.DefaultParams)
	})
	return dummy.hash
}

// authenticate returns who is acting: the public without an Authorization
// header, else the holder of the bearer token. A token that is malformed,
// unknown, revoked or expired is an EUNAUTHORIZED error: the caller meant to
// be someone, and must not silently become the public.
func (s *Server) authenticate(r *http.Request) (*lastseen.Actor, error) {
	h := r.Header.Get("Authorization")
	if h == "" {
		return &lastseen.Actor{Role: lastseen.RolePublic}, nil
	}
	public := &lastseen.Actor{Role: lastseen.RolePublic}
	token, ok := strings.CutPrefix(h, "Bearer ")
	if !ok {
		return public, lastseen.Errorf(lastseen.EUNAUTHORIZED, `The Authorization header must be "Bearer TOKEN".`)
	}
	prefix, _, ok := strings.Cut(strings.TrimSpace(token), ".")
	if !ok || s.APIKeyService == nil {
		return public, lastseen.Errorf(lastseen.EUNAUTHORIZED, "The token is not valid.")
	}
	k, err := s.APIKeyService.FindAPIKeyByPrefix(r.Context(), prefix)
	if lastseen.ErrorCode(err) == lastseen.ENOTFOUND {
		return public, lastseen.Errorf(lastseen.EUNAUTHORIZED, "The token is not valid.")
	} else if err != nil {
		return public, err
	}
	if subtle.ConstantTimeCompare([]byte(secret.HashToken(strings.TrimSpace(token))), []byte(k.Hash)) != 1 {
		return public, lastseen.Errorf(lastseen.EUNAUTHORIZED, "The token is not valid.")
	}
	if k.RevokedAt != nil {
		return public, lastseen.Errorf(lastseen.EUNAUTHORIZED, "The token has been revoked.")
	}
	if k.ExpiresAt != nil && time.Now().After(*k.ExpiresAt) {
		return public, lastseen.Errorf(lastseen.EUNAUTHORIZED, "The token has expired; sign in again.")
	}
	return &lastseen.Actor{Role: k.Role, UserID: k.UserID, APIKeyID: k.ID}, nil
}
