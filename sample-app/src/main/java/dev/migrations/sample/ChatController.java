package dev.migrations.sample;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The REST face of the chat: users, their conversations and the messages in them. */
@RestController
@RequestMapping("/api")
class ChatController {

    private final UserRepository users;
    private final ConversationRepository conversations;
    private final MessageRepository messages;

    ChatController(UserRepository users, ConversationRepository conversations, MessageRepository messages) {
        this.users = users;
        this.conversations = conversations;
        this.messages = messages;
    }

    record NewUser(String email, String firstName, String lastName) {}

    record NewConversation(String title, String userPreferences) {}

    record NewMessage(String role, String content) {}

    @GetMapping("/users")
    List<User> users() {
        return users.findAll();
    }

    @PostMapping("/users")
    @ResponseStatus(HttpStatus.CREATED)
    User createUser(@RequestBody NewUser user) {
        return users.save(new User(user.email(), user.firstName(), user.lastName()));
    }

    @GetMapping("/users/{userId}/conversations")
    List<Conversation> conversations(@PathVariable Long userId) {
        return conversations.findByUser_IdOrderById(user(userId).getId());
    }

    @PostMapping("/users/{userId}/conversations")
    @ResponseStatus(HttpStatus.CREATED)
    @Transactional
    Conversation createConversation(@PathVariable Long userId, @RequestBody NewConversation request) {
        Conversation conversation = new Conversation(user(userId), request.title());
        conversation.setUserPreferences(request.userPreferences());
        return conversations.save(conversation);
    }

    @GetMapping("/conversations/{conversationId}/messages")
    List<Message> messages(@PathVariable Long conversationId) {
        return messages.findByConversation_IdOrderById(conversationId);
    }

    @PostMapping("/conversations/{conversationId}/messages")
    @ResponseStatus(HttpStatus.CREATED)
    @Transactional
    Message post(@PathVariable Long conversationId, @RequestBody NewMessage request) {
        Conversation conversation = conversations
                .findById(conversationId)
                .orElseThrow(
                        () -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no conversation " + conversationId));
        String role = request.role() == null ? "user" : request.role();
        return messages.save(new Message(conversation, role, request.content()));
    }

    private User user(Long id) {
        return users.findById(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no user " + id));
    }
}
